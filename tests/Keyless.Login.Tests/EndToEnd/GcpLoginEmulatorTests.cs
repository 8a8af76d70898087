using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;
using Keyless.Login.Files;
using Keyless.Login.Gcp;
using Keyless.Login.Tests.Infrastructure;
using Keyless.Login.Tokens;

namespace Keyless.Login.Tests.EndToEnd;

/// <summary>
/// <see cref="GcpLogin"/> against the emulator (real STS and IAM Credentials shapes, real signatures, the example
/// trust enforced), and the credential configuration it writes refreshed by real clients.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GcpLoginEmulatorTests
{
    /// <summary>Trusts exactly the emulator's certificate, as the system store would.</summary>
    private sealed class PinnedFactory(RunningEmulator emu) : HttpClientFactory
    {
        protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) => emu.PinnedHandler();
    }

    private static async Task<GcpLoginRequest> RequestAsync(RunningEmulator emu, string aud, string reference = "main", string refProtected = "true", bool trust = false, string serviceAccount = TestTrust.ServiceAccount, bool exchange = true)
    {
        var token = await emu.MintAsync(TestTokens.Claims(aud, DateTimeOffset.UnixEpoch, reference: reference, refProtected: refProtected));
        return new GcpLoginRequest
        {
            Provider = GcpProviderName.Parse(TestTrust.StsAudience),
            ServiceAccount = serviceAccount,
            Token = SubjectToken.Parse(token, "$GITLAB_OIDC_TOKEN"),
            StsUrl = emu.StsUrl,
            IamCredentialsUrl = emu.IamCredentialsUrl,
            Trust = trust ? emu.Trust : null,
            Exchange = exchange,
        };
    }

    // As `--output` does: the exchange is tried first, then the file written; clients exchange the token again.
    private static async Task<string> WriteConfigAsync(RunningEmulator emu, GcpLoginRequest request)
    {
        using var http = emu.LoginClient();
        var result = await new GcpLogin(http, TimeProvider.System).RunAsync(request, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Failure?.Summary);

        var output = Path.Combine(emu.Directory, "gcp.json");
        var tokenFile = TokenFile.Resolve(request.Token.Value, null, output, "--output");
        var config = CredentialConfiguration.Build(request.Provider, request.ServiceAccount, tokenFile, request.StsUrl, request.IamCredentialsUrl, request.LifetimeSeconds);
        PrivateFile.Write(output, CredentialConfiguration.Render(config), "--output");
        Assert.Equal(request.Token.Value, await File.ReadAllTextAsync(tokenFile, TestContext.Current.CancellationToken));
        return output;
    }

    [Fact]
    public async Task Should_Impersonate_The_Service_Account_Through_Sts()
    {
        await using var emu = await LoginEmulator.StartAsync();
        using var http = emu.LoginClient();

        var result = await new GcpLogin(http, TimeProvider.System).RunAsync(await RequestAsync(emu, TestTrust.StsAudience, trust: true), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Summary);
        Assert.StartsWith("ya29.c.", result.AccessToken, StringComparison.Ordinal);
        Assert.Equal([result.IntermediateTokens.Single(), result.AccessToken!], result.Secrets);
        Assert.StartsWith("ya29.d.", result.IntermediateTokens[0], StringComparison.Ordinal);
        Assert.True(result.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.Contains(result.Notes, n => n.Text.StartsWith("the trust inputs predict success", StringComparison.Ordinal));
        Assert.Contains("ALLOW gcp.generateAccessToken " + TestTrust.ServiceAccount, emu.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Write_A_Configuration_That_Google_Apis_Auth_Refreshes()
    {
        await using var emu = await LoginEmulator.StartAsync();
        var config = await WriteConfigAsync(emu, await RequestAsync(emu, TestTrust.StsAudience));

        var credential = CredentialFactory.FromFile<FileSourcedExternalAccountCredential>(config)
            .ToGoogleCredential()
            .CreateScoped(StsClient.CloudPlatformScope)
            .CreateWithHttpClientFactory(new PinnedFactory(emu));
        var accessToken = await ((ITokenAccess)credential).GetAccessTokenForRequestAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("ya29.c.", accessToken, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.ChangeExtension(config, ".jwt")));
    }

    [Fact]
    public async Task Should_Write_A_Configuration_That_Gclouds_Google_Auth_Refreshes()
    {
        Gcloud.SkipWithout();
        await using var emu = await LoginEmulator.StartAsync();
        var config = await WriteConfigAsync(emu, await RequestAsync(emu, TestTrust.StsAudience));

        var run = await Gcloud.RefreshAsync(config, emu.Directory, emu.CertificatePath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("TOKEN ya29.c.", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Write_A_Configuration_Gcloud_Logs_In_With()
    {
        Gcloud.SkipWithout();
        await using var emu = await LoginEmulator.StartAsync();
        var config = await WriteConfigAsync(emu, await RequestAsync(emu, TestTrust.StsAudience));

        var login = await Gcloud.RunGcloudAsync(["auth", "login", "--cred-file=" + config, "--quiet"], emu.Directory, emu.CertificatePath);
        var print = await Gcloud.RunGcloudAsync(["auth", "print-access-token"], emu.Directory, emu.CertificatePath);

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.True(print.ExitCode == 0, print.ToString());
        Assert.StartsWith("ya29.c.", print.StdOut.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Write_A_Configuration_Without_Trying_When_Told_Not_To_Verify()
    {
        await using var emu = await LoginEmulator.StartAsync();
        var config = await WriteConfigAsync(emu, await RequestAsync(emu, TestTrust.StsAudience, exchange: false));
        Assert.DoesNotContain("gcp.sts", emu.Log, StringComparison.Ordinal);

        var credential = CredentialFactory.FromFile<FileSourcedExternalAccountCredential>(config)
            .ToGoogleCredential()
            .CreateScoped(StsClient.CloudPlatformScope)
            .CreateWithHttpClientFactory(new PinnedFactory(emu));
        var accessToken = await ((ITokenAccess)credential).GetAccessTokenForRequestAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("ya29.c.", accessToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Diagnose_A_Wrong_Audience_With_Both_Values()
    {
        await using var emu = await LoginEmulator.StartAsync();
        using var http = emu.LoginClient();

        var result = await new GcpLogin(http, TimeProvider.System).RunAsync(await RequestAsync(emu, "https://gitlab.example.com", trust: true), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal("invalid_grant: The audience in ID Token [https://gitlab.example.com] does not match the expected audience.", result.Failure!.Refusal);
        Assert.Contains("The token's aud is https://gitlab.example.com; provider projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com accepts only \"//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com\"", result.Failure.Causes[0], StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.Text.StartsWith("the trust inputs predict STS refuses", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Diagnose_A_Wrong_Audience_Without_Trust_With_The_Defaults()
    {
        await using var emu = await LoginEmulator.StartAsync();
        using var http = emu.LoginClient();

        var result = await new GcpLogin(http, TimeProvider.System).RunAsync(await RequestAsync(emu, "https://gitlab.example.com"), TestContext.Current.CancellationToken);

        Assert.Contains("The token's aud is https://gitlab.example.com", result.Failure!.Causes[0], StringComparison.Ordinal);
        Assert.Contains("\"" + TestTrust.StsAudience + "\"", result.Failure.Causes[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Name_The_Failing_Clause_When_The_Condition_Refuses()
    {
        await using var emu = await LoginEmulator.StartAsync();
        using var http = emu.LoginClient();

        var result = await new GcpLogin(http, TimeProvider.System).RunAsync(await RequestAsync(emu, TestTrust.StsAudience, "feature", "false", trust: true), TestContext.Current.CancellationToken);

        Assert.Equal("unauthorized_client: The given credential is rejected by the attribute condition.", result.Failure!.Refusal);
        var text = string.Join("\n", result.Failure.Causes);
        Assert.Contains("assertion.ref_protected == \"true\"", text, StringComparison.Ordinal);
        Assert.Contains("ref_protected \"false\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Name_The_Principal_When_Impersonation_Is_Denied()
    {
        await using var emu = await LoginEmulator.StartAsync();
        using var http = emu.LoginClient();

        var result = await new GcpLogin(http, TimeProvider.System).RunAsync(await RequestAsync(emu, TestTrust.StsAudience, serviceAccount: TestTrust.OtherServiceAccount), TestContext.Current.CancellationToken);

        Assert.Equal("IAM Credentials refused to impersonate " + TestTrust.OtherServiceAccount, result.Failure!.Summary);
        Assert.StartsWith("ya29.d.", Assert.Single(result.Secrets), StringComparison.Ordinal);
        Assert.StartsWith("PERMISSION_DENIED: Permission 'iam.serviceAccounts.getAccessToken' denied", result.Failure.Refusal, StringComparison.Ordinal);
        Assert.Contains($"as principal://iam.googleapis.com/projects/{TestTrust.ProjectNumber}/locations/global/workloadIdentityPools/gitlab/subject/{TestTrust.MainSubject}", result.Failure.Causes[0], StringComparison.Ordinal);
        Assert.Contains(result.Failure.Fixes, f => f.StartsWith($"gcloud iam service-accounts add-iam-policy-binding {TestTrust.OtherServiceAccount}", StringComparison.Ordinal));
    }
}
