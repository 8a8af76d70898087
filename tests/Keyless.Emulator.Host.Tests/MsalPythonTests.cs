namespace Keyless.Emulator.Host.Tests;

/// <summary>
/// MSAL Python (Debian's python3-msal; skipped with the reason where it is not installed), pointed at the emulator
/// with <c>validate_authority=False</c>: tenant discovery at <c>{authority}/v2.0/.well-known/openid-configuration</c>,
/// then the client-credentials request with the federated assertion.
/// </summary>
public sealed class MsalPythonTests
{
    // Debian's modules live with Debian's interpreter, not a pyenv python3 that may come first on PATH.
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, sys
        import msal
        assertion = sys.stdin.read().strip()
        app = msal.ConfidentialClientApplication(
            sys.argv[1], client_credential={"client_assertion": assertion},
            authority=sys.argv[2], validate_authority=False)
        result = app.acquire_token_for_client(["https://management.azure.com/.default"])
        if "access_token" in result:
            print("TOKEN " + str(result["expires_in"]))
        else:
            print("ERROR " + json.dumps({"error": result.get("error"), "error_codes": result.get("error_codes")}))
            sys.exit(1)
        """;

    private static async Task SkipWithoutMsalAsync()
    {
        var available = File.Exists(Python)
            && (await ExternalTool.RunAsync(Python, ["-c", "import msal"])).ExitCode == 0;
        Assert.SkipUnless(available, "python3-msal is not installed for /usr/bin/python3 (apt-get install python3-msal); the MSAL Python tests need it");
    }

    private static Task<ToolRun> AcquireAsync(RunningEmulator emu, string assertion) =>
        ExternalTool.RunAsync(Python, ["-c", Script, TestTrust.ClientId, $"{emu.Https}/{TestTrust.TenantId}"],
            new Dictionary<string, string> { ["REQUESTS_CA_BUNDLE"] = emu.Host.CertificatePath }, stdin: assertion);

    [Fact]
    public async Task Should_Acquire_A_Token_For_Client_With_The_Federated_Assertion()
    {
        await SkipWithoutMsalAsync();
        await using var emu = await RunningEmulator.StartAsync();

        var run = await AcquireAsync(emu, await emu.MintAsync(TestTrust.Claims(TestTrust.AzureAudience)));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("TOKEN ", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Return_The_Aadsts_Code_For_An_Audience_Mismatch()
    {
        await SkipWithoutMsalAsync();
        await using var emu = await RunningEmulator.StartAsync();

        var run = await AcquireAsync(emu, await emu.MintAsync(TestTrust.Claims("https://gitlab.com")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"error_codes\": [700212]", run.StdOut, StringComparison.Ordinal);
    }
}
