using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;

namespace Keyless.Emulator.Host.Tests;

/// <summary>Google.Apis.Auth's external-account credential, file-sourced, unchanged but for its URLs.</summary>
public sealed class GoogleApisAuthTests
{
    private const string CloudPlatform = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>Trusts exactly the emulator's certificate, as <c>SSL_CERT_FILE</c> would for the process.</summary>
    private sealed class PinnedFactory(RunningEmulator emu) : HttpClientFactory
    {
        protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) => emu.PinnedHandler();
    }

    private static async Task<string> CredentialConfigAsync(RunningEmulator emu, string token, bool impersonate)
    {
        var tokenFile = Path.Combine(emu.Directory, "gitlab-id-token");
        await File.WriteAllTextAsync(tokenFile, token, TestContext.Current.CancellationToken);
        return ExternalAccountConfig.FileSourced(emu, tokenFile, impersonate ? TestTrust.ServiceAccount : null).ToJsonString();
    }

    private static Task<string> AccessTokenAsync(RunningEmulator emu, string json)
    {
        var credential = CredentialFactory.FromJson<FileSourcedExternalAccountCredential>(json)
            .ToGoogleCredential()
            .CreateScoped(CloudPlatform)
            .CreateWithHttpClientFactory(new PinnedFactory(emu));
        return ((ITokenAccess)credential).GetAccessTokenForRequestAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_Get_A_Service_Account_Token_Through_Sts_And_Impersonation()
    {
        await using var emu = await RunningEmulator.StartAsync();
        var json = await CredentialConfigAsync(emu, await emu.MintAsync(TestTrust.Claims(TestTrust.GcpAudience)), impersonate: true);

        var accessToken = await AccessTokenAsync(emu, json);

        Assert.StartsWith("ya29.c.", accessToken, StringComparison.Ordinal);
        Assert.Contains("ALLOW gcp.sts", emu.Log, StringComparison.Ordinal);
        Assert.Contains("ALLOW gcp.generateAccessToken " + TestTrust.ServiceAccount, emu.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Get_A_Federated_Token_Without_Impersonation()
    {
        await using var emu = await RunningEmulator.StartAsync();
        var json = await CredentialConfigAsync(emu, await emu.MintAsync(TestTrust.Claims(TestTrust.GcpAudience)), impersonate: false);

        var accessToken = await AccessTokenAsync(emu, json);

        Assert.StartsWith("ya29.d.", accessToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Surface_The_Condition_Refusal_And_Log_The_Claim()
    {
        await using var emu = await RunningEmulator.StartAsync();
        var token = await emu.MintAsync(TestTrust.Claims(TestTrust.GcpAudience, "feature", "false"));
        var json = await CredentialConfigAsync(emu, token, impersonate: true);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => AccessTokenAsync(emu, json));

        Assert.Contains("unauthorized_client", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("ref_protected", emu.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], emu.Log, StringComparison.Ordinal);
    }
}
