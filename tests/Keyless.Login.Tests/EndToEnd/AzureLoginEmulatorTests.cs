using Keyless.Login.Azure;
using Keyless.Login.Tests.Infrastructure;
using Keyless.Login.Tokens;

namespace Keyless.Login.Tests.EndToEnd;

/// <summary><see cref="AzureLogin"/> against the emulator's Entra token endpoint, with the example trust.</summary>
public sealed class AzureLoginEmulatorTests
{
    private const string FeatureSubject = "project_path:acme/payments:ref_type:branch:ref:feature";

    private static async Task<AzureLoginRequest> RequestAsync(RunningEmulator emu, string sub, string aud = TestTrust.AzureAudience, bool trust = false)
    {
        var claims = TestTokens.Claims(aud, DateTimeOffset.UnixEpoch, sub: sub);
        var token = await emu.MintAsync(claims);
        return new AzureLoginRequest
        {
            Tenant = TestTrust.TenantId,
            ClientId = TestTrust.ClientId,
            Token = SubjectToken.Parse(token, "$GITLAB_OIDC_TOKEN"),
            AuthorityHost = emu.AuthorityHost,
            Trust = trust ? emu.Trust : null,
        };
    }

    [Fact]
    public async Task Should_Get_An_Access_Token_For_The_Exact_Subject()
    {
        await using var emu = await LoginEmulator.StartAsync();
        using var http = emu.LoginClient();

        var result = await new AzureLogin(http, TimeProvider.System).RunAsync(await RequestAsync(emu, TestTrust.MainSubject, trust: true), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Summary);
        Assert.Equal(3, result.AccessToken!.Split('.').Length);
        Assert.True(result.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Contains(result.Notes, n => n.Text.StartsWith("the trust inputs predict success", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Diagnose_A_Subject_Mismatch_Showing_The_Sub()
    {
        await using var emu = await LoginEmulator.StartAsync();
        using var http = emu.LoginClient();

        var result = await new AzureLogin(http, TimeProvider.System).RunAsync(await RequestAsync(emu, FeatureSubject), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.StartsWith("invalid_client: AADSTS700213: No matching federated identity record found for presented assertion subject '" + FeatureSubject + "'", result.Failure!.Refusal, StringComparison.Ordinal);
        Assert.Contains("The token's sub is " + FeatureSubject + "; no federated credential of client id " + TestTrust.ClientId, result.Failure.Causes[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Name_The_Expected_Subject_With_Trust()
    {
        await using var emu = await LoginEmulator.StartAsync();
        using var http = emu.LoginClient();

        var result = await new AzureLogin(http, TimeProvider.System).RunAsync(await RequestAsync(emu, FeatureSubject, trust: true), TestContext.Current.CancellationToken);

        var text = string.Join("\n", result.Failure!.Causes);
        Assert.Contains("The token's sub is " + FeatureSubject + "; no federated credential of app 'ci-deployer'", text, StringComparison.Ordinal);
        Assert.Contains($"'{TestTrust.MainSubject}' (credential 'gitlab-main')", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Diagnose_An_Audience_Mismatch_With_Both_Values()
    {
        await using var emu = await LoginEmulator.StartAsync();
        using var http = emu.LoginClient();

        var result = await new AzureLogin(http, TimeProvider.System).RunAsync(await RequestAsync(emu, TestTrust.MainSubject, aud: "https://gitlab.com", trust: true), TestContext.Current.CancellationToken);

        Assert.Contains("AADSTS700212", result.Failure!.Refusal, StringComparison.Ordinal);
        var text = string.Join("\n", result.Failure.Causes);
        Assert.Contains("The token's aud is https://gitlab.com", text, StringComparison.Ordinal);
        Assert.Contains("'api://AzureADTokenExchange' (credential 'gitlab-main')", text, StringComparison.Ordinal);
    }
}
