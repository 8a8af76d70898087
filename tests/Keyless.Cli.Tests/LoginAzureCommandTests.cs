using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>The real <c>keyless login azure</c> binary against the emulator's Entra token endpoint.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LoginAzureCommandTests
{
    private const string FeatureSubject = "project_path:acme/payments:ref_type:branch:ref:feature";

    private static string[] Args(LoginTestEmulator emu, params string[] more) =>
        ["login", "azure", "--tenant", LoginTestEmulator.Tenant, "--client-id", LoginTestEmulator.ClientId, "--token-env", "GITLAB_OIDC_TOKEN", .. emu.AzureEndpoints, .. more];

    private static Dictionary<string, string> TokenEnv(string token) => new() { ["GITLAB_OIDC_TOKEN"] = token };

    [Fact]
    public async Task Should_Exit_2_On_A_Scope_That_Is_Not_One_Resources_Default()
    {
        var run = await KeylessProcess.RunAsync(["login", "azure", "--tenant", "t", "--client-id", "c", "--token-env", "X", "--scope", "https://management.azure.com/user_impersonation"], environment: TokenEnv("a.b.c"));

        Assert.Equal(2, run.ExitCode);
        // The shared error writer wraps at the console width; compare the words.
        var words = string.Join(' ', run.StdErr.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("error: --scope: 'https://management.azure.com/user_impersonation' is not one resource's /.default scope", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Print_The_Access_Token_For_The_Exact_Subject()
    {
        await using var emu = await LoginTestEmulator.StartAsync();
        var token = await emu.MintAsync("api://AzureADTokenExchange");

        var run = await KeylessProcess.RunAsync(Args(emu), environment: TokenEnv(token));

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Equal(3, run.StdOut.Trim().Split('.').Length);
        Assert.Single(run.StdOut.Trim().Split('\n'));
        LoginTestEmulator.AssertNoToken(run, token);
    }

    [Fact]
    public async Task Should_Exit_1_Showing_The_Sub_And_The_Expected_Subject_On_A_Mismatch()
    {
        await using var emu = await LoginTestEmulator.StartAsync();
        var token = await emu.MintAsync("api://AzureADTokenExchange", FeatureSubject);

        var run = await KeylessProcess.RunAsync(Args(emu, "--trust", LoginTestEmulator.Trust), environment: TokenEnv(token));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.StdOut);
        Assert.Contains("  cloud: invalid_client: AADSTS700213: No matching federated identity record found for presented assertion subject '" + FeatureSubject + "'", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("  cause: The token's sub is " + FeatureSubject + "; no federated credential of app 'ci-deployer'", run.StdErr, StringComparison.Ordinal);
        Assert.Contains($"'{LoginTestEmulator.MainSubject}' (credential 'gitlab-main')", run.StdErr, StringComparison.Ordinal);
        LoginTestEmulator.AssertNoToken(run, token);
    }

    [Fact]
    public async Task Should_Write_An_Env_File_For_Terraform_And_Azure_Identity()
    {
        await using var emu = await LoginTestEmulator.StartAsync();
        var token = await emu.MintAsync("api://AzureADTokenExchange");
        var envFile = Path.Combine(emu.Directory, "azure.env");

        var run = await KeylessProcess.RunAsync(Args(emu, "--env-file", envFile), environment: TokenEnv(token));

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Empty(run.StdOut);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envFile));
        var lines = await File.ReadAllLinesAsync(envFile, TestContext.Current.CancellationToken);
        Assert.Contains("ARM_USE_OIDC=true", lines);
        Assert.Contains("ARM_CLIENT_ID=" + LoginTestEmulator.ClientId, lines);
        Assert.Contains("ARM_TENANT_ID=" + LoginTestEmulator.Tenant, lines);
        Assert.Contains("ARM_OIDC_TOKEN=" + token, lines);
        Assert.Contains("AZURE_FEDERATED_TOKEN_FILE=" + Path.Combine(emu.Directory, "azure.jwt"), lines);
        Assert.Contains("AZURE_AUTHORITY_HOST=" + emu.Https + "/", lines);
        LoginTestEmulator.AssertNoToken(run, token);
    }
}
