using System.Text.Json.Nodes;

namespace Keyless.Emulator.Host.Tests;

/// <summary>
/// az CLI, as installed (skipped with the reason where it is not): <c>az login --service-principal
/// --federated-token</c> through the <c>/adfs</c> authority, which keeps MSAL from instance discovery at
/// login.microsoftonline.com, then the ARM subscription list and <c>az account get-access-token</c>.
/// </summary>
public sealed class AzCliTests
{
    private static readonly string? Az = ExternalTool.Find("az");

    private static void SkipWithoutAz() =>
        Assert.SkipWhen(Az is null, "az CLI is not installed on this machine (apt-get install azure-cli); the az client tests need it");

    private static Dictionary<string, string> Environment(RunningEmulator emu) => new()
    {
        ["AZURE_CONFIG_DIR"] = Path.Combine(emu.Directory, "azure"),
        ["REQUESTS_CA_BUNDLE"] = emu.Host.CertificatePath,
        ["AZURE_CORE_COLLECT_TELEMETRY"] = "no",
        ["AZURE_CORE_NO_COLOR"] = "true",
        ["AZURE_CORE_ONLY_SHOW_ERRORS"] = "true",
    };

    private static async Task<ToolRun> AzAsync(RunningEmulator emu, params string[] args)
    {
        var run = await ExternalTool.RunAsync(Az!, args, Environment(emu), timeout: TimeSpan.FromMinutes(3));
        return run;
    }

    private static async Task RegisterCloudAsync(RunningEmulator emu)
    {
        var register = await AzAsync(emu, "cloud", "register", "--name", "KeylessEmulator",
            "--endpoint-active-directory", emu.Https + "/adfs",
            "--endpoint-resource-manager", emu.Https + "/arm/",
            "--endpoint-active-directory-resource-id", emu.Https + "/arm/",
            "--endpoint-active-directory-graph-resource-id", emu.Https + "/graph/",
            "--endpoint-management", emu.Https + "/mgmt/");
        Assert.True(register.ExitCode == 0, register.ToString());
        var set = await AzAsync(emu, "cloud", "set", "--name", "KeylessEmulator");
        Assert.True(set.ExitCode == 0, set.ToString());
    }

    [Fact]
    public async Task Should_Log_In_With_A_Federated_Token_And_Get_An_Access_Token()
    {
        SkipWithoutAz();
        await using var emu = await RunningEmulator.StartAsync();
        await RegisterCloudAsync(emu);
        var assertion = await emu.MintAsync(TestTrust.Claims(TestTrust.AzureAudience));

        var login = await AzAsync(emu, "login", "--service-principal", "-u", TestTrust.ClientId, "-t", TestTrust.TenantId, "--federated-token", assertion, "-o", "json");
        var token = await AzAsync(emu, "account", "get-access-token", "-o", "json");

        Assert.True(login.ExitCode == 0, login.ToString());
        var subscriptions = JsonNode.Parse(login.StdOut)!.AsArray();
        Assert.Equal("Enabled", subscriptions[0]!["state"]!.GetValue<string>());
        Assert.True(token.ExitCode == 0, token.ToString());
        var accessToken = JsonNode.Parse(token.StdOut)!["accessToken"]!.GetValue<string>();
        Assert.Equal(3, accessToken.Split('.').Length);
        Assert.Contains("ALLOW entra.token app 'ci-deployer'", emu.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(assertion.Split('.')[2], emu.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Fail_The_Login_With_The_Aadsts_Code_For_A_Subject_Mismatch()
    {
        SkipWithoutAz();
        await using var emu = await RunningEmulator.StartAsync();
        await RegisterCloudAsync(emu);
        var assertion = await emu.MintAsync(TestTrust.Claims(TestTrust.AzureAudience, "feature", "false"));

        var login = await AzAsync(emu, "login", "--service-principal", "-u", TestTrust.ClientId, "-t", TestTrust.TenantId, "--federated-token", assertion);

        Assert.NotEqual(0, login.ExitCode);
        Assert.Contains("AADSTS700213", login.StdErr, StringComparison.Ordinal);
    }
}
