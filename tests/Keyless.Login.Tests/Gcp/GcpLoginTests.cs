using Keyless.Login.Gcp;
using Keyless.Login.Http;
using Keyless.Login.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Keyless.Login.Tests.Gcp;

/// <summary>The checks before the exchange, against a local fake that counts what reaches it.</summary>
public sealed class GcpLoginTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static GcpLoginRequest Request(System.Text.Json.Nodes.JsonObject claims, FakeEndpoint fake) => new()
    {
        Provider = GcpProviderName.Parse(TestTrust.StsAudience),
        ServiceAccount = TestTrust.ServiceAccount,
        Token = TestTokens.Token(claims),
        StsUrl = fake.Url,
        IamCredentialsUrl = new Uri($"http://127.0.0.1:{fake.Port}/v1"),
    };

    [Fact]
    public async Task Should_Stop_Before_Any_Request_When_The_Token_Has_Expired()
    {
        using var fake = new FakeEndpoint((200, """{"access_token":"x","expires_in":3600}"""));
        var time = new FakeTimeProvider(Now.AddHours(2));
        using var http = new LoginHttpClient(time);

        var result = await new GcpLogin(http, time).RunAsync(Request(TestTokens.Claims(TestTrust.StsAudience, Now), fake), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Empty(fake.Requests);
        Assert.Null(result.Failure!.Refusal);
        Assert.Contains("expired 1 h 0 min ago", result.Failure.Summary, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 13:00:00 UTC", result.Failure.Causes[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Stop_Before_Any_Request_When_The_Token_Has_No_Audience()
    {
        using var fake = new FakeEndpoint((200, "{}"));
        var claims = TestTokens.Claims(TestTrust.StsAudience, Now);
        claims.Remove("aud");
        var time = new FakeTimeProvider(Now);
        using var http = new LoginHttpClient(time);

        var result = await new GcpLogin(http, time).RunAsync(Request(claims, fake), TestContext.Current.CancellationToken);

        Assert.Empty(fake.Requests);
        Assert.Contains("no aud claim", result.Failure!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Warn_When_The_Aud_Names_Another_Provider()
    {
        using var fake = new FakeEndpoint((200, """{"access_token":"fed","expires_in":3600}"""), (200, """{"accessToken":"sa","expireTime":"2026-03-01T13:00:00Z"}"""));
        var other = TestTrust.StsAudience.Replace("gitlab-com", "other", StringComparison.Ordinal);
        var time = new FakeTimeProvider(Now);
        using var http = new LoginHttpClient(time);

        var result = await new GcpLogin(http, time).RunAsync(Request(TestTokens.Claims(other, Now), fake), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal("sa", result.AccessToken);
        Assert.Contains(result.Notes, n => n.Level == Keyless.Login.Diagnosis.NoteLevel.Warning && n.Text.Contains("names another provider (" + other + ")", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Send_The_Exchange_As_Google_Auth_Does()
    {
        using var fake = new FakeEndpoint((200, """{"access_token":"fed","expires_in":"3599"}"""), (200, """{"accessToken":"sa","expireTime":"2026-03-01T13:00:00Z"}"""));
        var time = new FakeTimeProvider(Now);
        using var http = new LoginHttpClient(time);
        var request = Request(TestTokens.Claims(TestTrust.StsAudience, Now), fake) with { LifetimeSeconds = 600 };

        var result = await new GcpLogin(http, time).RunAsync(request, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 13, 0, 0, TimeSpan.Zero), result.ExpiresAt);
        var form = fake.Requests[0];
        Assert.Contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange", form, StringComparison.Ordinal);
        Assert.Contains("audience=%2F%2Fiam.googleapis.com%2Fprojects%2F123456789012%2F", form, StringComparison.Ordinal);
        Assert.Contains("requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token", form, StringComparison.Ordinal);
        Assert.Contains("subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt", form, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcloud-platform", form, StringComparison.Ordinal);
        Assert.Equal("""{"scope":["https://www.googleapis.com/auth/cloud-platform"],"lifetime":"600s","delegates":[]}""", fake.Requests[1]);
    }

    [Fact]
    public async Task Should_Check_Without_Sending_When_Told_Not_To_Exchange()
    {
        using var fake = new FakeEndpoint((200, "{}"));
        var time = new FakeTimeProvider(Now);
        using var http = new LoginHttpClient(time);

        var result = await new GcpLogin(http, time).RunAsync(Request(TestTokens.Claims(TestTrust.StsAudience, Now), fake) with { Exchange = false }, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.True(result.Skipped);
        Assert.Empty(fake.Requests);
    }
}
