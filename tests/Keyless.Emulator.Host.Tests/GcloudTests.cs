using System.Text.Json.Nodes;

namespace Keyless.Emulator.Host.Tests;

/// <summary>
/// gcloud, as installed (skipped with the reason where it is not): its vendored google-auth refreshes an
/// identity-pool credential, and <c>gcloud auth login --cred-file</c> + <c>print-access-token</c> work.
/// </summary>
public sealed class GcloudTests
{
    private static readonly string? Gcloud = ExternalTool.Find("gcloud");

    // The SDK root is the folder above the real bin/gcloud; it bundles a Python and google-auth.
    private static string SdkRoot => Path.GetDirectoryName(Path.GetDirectoryName(new FileInfo(Gcloud!).ResolveLinkTarget(true)?.FullName ?? Gcloud!))!;

    private static void SkipWithoutGcloud() =>
        Assert.SkipWhen(Gcloud is null, "gcloud is not installed on this machine (google-cloud-cli); the gcloud client tests need it");

    private static async Task<string> CredentialConfigAsync(RunningEmulator emu, bool impersonate, string? reference = null)
    {
        var claims = reference is null
            ? HostTestTrust.Claims(HostTestTrust.GcpAudience)
            : HostTestTrust.Claims(HostTestTrust.GcpAudience, reference, "false");
        var tokenFile = Path.Combine(emu.Directory, "id-token");
        await File.WriteAllTextAsync(tokenFile, await emu.MintAsync(claims), TestContext.Current.CancellationToken);
        var config = new JsonObject
        {
            ["universe_domain"] = "googleapis.com",
            ["type"] = "external_account",
            ["audience"] = HostTestTrust.StsAudience,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:jwt",
            ["token_url"] = emu.Https + "/v1/token",
            ["credential_source"] = new JsonObject { ["file"] = tokenFile, ["format"] = new JsonObject { ["type"] = "text" } },
        };
        if (impersonate)
        {
            config["service_account_impersonation_url"] = $"{emu.Https}/v1/projects/-/serviceAccounts/{HostTestTrust.ServiceAccount}:generateAccessToken";
        }
        else
        {
            // Without it gcloud asks sts.googleapis.com who the account is.
            config["token_info_url"] = emu.Https + "/v1/introspect";
        }

        var path = Path.Combine(emu.Directory, "cred.json");
        await File.WriteAllTextAsync(path, config.ToJsonString(), TestContext.Current.CancellationToken);
        return path;
    }

    private static Dictionary<string, string> Environment(RunningEmulator emu) => new()
    {
        ["CLOUDSDK_CONFIG"] = Path.Combine(emu.Directory, "gcloud"),
        ["CLOUDSDK_CORE_DISABLE_PROMPTS"] = "1",
        ["CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"] = emu.Host.CertificatePath,
        ["CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"] = "1",
        ["CLOUDSDK_CORE_DISABLE_USAGE_REPORTING"] = "true",
        ["REQUESTS_CA_BUNDLE"] = emu.Host.CertificatePath,
    };

    private const string RefreshScript = """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        from google.auth import identity_pool
        from google.auth.transport.requests import Request
        with open(sys.argv[2]) as f:
            info = json.load(f)
        credentials = identity_pool.Credentials.from_info(info, scopes=["https://www.googleapis.com/auth/cloud-platform"])
        try:
            credentials.refresh(Request())
        except Exception as e:
            print("REFUSED " + str(e))
            sys.exit(1)
        print("TOKEN " + credentials.token[:7] + " " + credentials.expiry.isoformat())
        """;

    private static Task<ToolRun> RefreshAsync(RunningEmulator emu, string config) =>
        ExternalTool.RunAsync(
            Path.Combine(SdkRoot, "platform", "bundledpythonunix", "bin", "python3"),
            ["-c", RefreshScript, Path.Combine(SdkRoot, "lib", "third_party"), config],
            Environment(emu));

    [Fact]
    public async Task Should_Refresh_An_Identity_Pool_Credential_With_Gclouds_Google_Auth()
    {
        SkipWithoutGcloud();
        await using var emu = await RunningEmulator.StartAsync();

        var run = await RefreshAsync(emu, await CredentialConfigAsync(emu, impersonate: true));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("TOKEN ya29.c.", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Report_The_Attribute_Condition_Through_Google_Auth()
    {
        SkipWithoutGcloud();
        await using var emu = await RunningEmulator.StartAsync();

        var run = await RefreshAsync(emu, await CredentialConfigAsync(emu, impersonate: true, reference: "feature"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unauthorized_client", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("The given credential is rejected by the attribute condition.", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Log_In_With_A_Cred_File_And_Print_An_Access_Token()
    {
        SkipWithoutGcloud();
        await using var emu = await RunningEmulator.StartAsync();
        var config = await CredentialConfigAsync(emu, impersonate: false);

        var login = await ExternalTool.RunAsync(Gcloud!, ["auth", "login", "--cred-file=" + config, "--quiet"], Environment(emu));
        var print = await ExternalTool.RunAsync(Gcloud!, ["auth", "print-access-token"], Environment(emu));

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.True(print.ExitCode == 0, print.ToString());
        Assert.StartsWith("ya29.d.", print.StdOut.Trim(), StringComparison.Ordinal);
        Assert.Contains("principal://iam.googleapis.com/", login.StdErr + login.StdOut, StringComparison.Ordinal);
    }
}
