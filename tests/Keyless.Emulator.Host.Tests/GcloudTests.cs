namespace Keyless.Emulator.Host.Tests;

/// <summary>
/// gcloud, as installed (skipped with the reason where it is not): its vendored google-auth refreshes an
/// identity-pool credential, and <c>gcloud auth login --cred-file</c> + <c>print-access-token</c> work.
/// </summary>
public sealed class GcloudTests
{
    private static async Task<string> CredentialConfigAsync(RunningEmulator emu, bool impersonate, string? reference = null)
    {
        var claims = reference is null
            ? TestTrust.Claims(TestTrust.GcpAudience)
            : TestTrust.Claims(TestTrust.GcpAudience, reference, "false");
        var tokenFile = Path.Combine(emu.Directory, "id-token");
        await File.WriteAllTextAsync(tokenFile, await emu.MintAsync(claims), TestContext.Current.CancellationToken);
        var config = ExternalAccountConfig.FileSourced(emu, tokenFile, impersonate ? TestTrust.ServiceAccount : null);
        if (!impersonate)
        {
            // Without it gcloud asks sts.googleapis.com who the account is.
            config["token_info_url"] = emu.Https + "/v1/introspect";
        }

        var path = Path.Combine(emu.Directory, "cred.json");
        await File.WriteAllTextAsync(path, config.ToJsonString(), TestContext.Current.CancellationToken);
        return path;
    }

    private static Task<ToolRun> RefreshAsync(RunningEmulator emu, string config) => Gcloud.RefreshAsync(config, emu.Directory, emu.CertificatePath);

    private static Task<ToolRun> GcloudAsync(RunningEmulator emu, params string[] args) => Gcloud.RunGcloudAsync(args, emu.Directory, emu.CertificatePath);

    [Fact]
    public async Task Should_Refresh_An_Identity_Pool_Credential_With_Gclouds_Google_Auth()
    {
        Gcloud.SkipWithout();
        await using var emu = await RunningEmulator.StartAsync();

        var run = await RefreshAsync(emu, await CredentialConfigAsync(emu, impersonate: true));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("TOKEN ya29.c.", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Report_The_Attribute_Condition_Through_Google_Auth()
    {
        Gcloud.SkipWithout();
        await using var emu = await RunningEmulator.StartAsync();

        var run = await RefreshAsync(emu, await CredentialConfigAsync(emu, impersonate: true, reference: "feature"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unauthorized_client", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("The given credential is rejected by the attribute condition.", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Log_In_With_A_Cred_File_And_Print_An_Access_Token()
    {
        Gcloud.SkipWithout();
        await using var emu = await RunningEmulator.StartAsync();
        var config = await CredentialConfigAsync(emu, impersonate: false);

        var login = await GcloudAsync(emu, "auth", "login", "--cred-file=" + config, "--quiet");
        var print = await GcloudAsync(emu, "auth", "print-access-token");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.True(print.ExitCode == 0, print.ToString());
        Assert.StartsWith("ya29.d.", print.StdOut.Trim(), StringComparison.Ordinal);
        Assert.Contains("principal://iam.googleapis.com/", login.StdErr + login.StdOut, StringComparison.Ordinal);
    }
}
