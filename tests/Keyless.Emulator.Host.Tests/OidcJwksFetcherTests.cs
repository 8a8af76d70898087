using Keyless.Emulator.Verification;

namespace Keyless.Emulator.Host.Tests;

/// <summary>The fetcher --issuer-url relies on for the trust's other issuers, against a real issuer over HTTP.</summary>
public sealed class OidcJwksFetcherTests
{
    [Fact]
    public async Task Should_Follow_Discovery_To_The_Issuers_Key_Set()
    {
        await using var issuer = await RunningEmulator.StartAsync();
        using var http = new HttpClient();
        var fetcher = new OidcJwksFetcher(http, TimeProvider.System);

        var keys = await fetcher.FetchAsync(issuer.Http + "/", TestContext.Current.CancellationToken);

        Assert.Null(keys.Error);
        Assert.Equal(issuer.Core.IssuerKeyId, Assert.Single(keys.Keys).KeyId);
    }

    [Fact]
    public async Task Should_Say_Why_When_The_Issuer_Has_No_Discovery_Document()
    {
        await using var notAnIssuer = await RunningEmulator.StartAsync();
        using var http = new HttpClient();
        var fetcher = new OidcJwksFetcher(http, TimeProvider.System);

        var keys = await fetcher.FetchAsync(notAnIssuer.Http + "/nothing", TestContext.Current.CancellationToken);

        Assert.Empty(keys.Keys);
        Assert.Contains("HTTP 404", keys.Error, StringComparison.Ordinal);
    }
}
