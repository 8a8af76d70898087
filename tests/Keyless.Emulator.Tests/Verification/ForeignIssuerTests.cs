using Keyless.Emulator.Issuer;
using Keyless.Emulator.Verification;

namespace Keyless.Emulator.Tests.Verification;

/// <summary>With --issuer-url, tokens of the trust's other issuers are checked against those issuers' own keys.</summary>
public sealed class ForeignIssuerTests
{
    private sealed class FixedFetcher(KeySetResult result) : IJwksFetcher
    {
        public List<string> Asked { get; } = [];

        public Task<KeySetResult> FetchAsync(string issuer, CancellationToken cancellationToken)
        {
            Asked.Add(issuer);
            return Task.FromResult(result);
        }
    }

    [Fact]
    public async Task Should_Verify_A_Real_Issuers_Token_With_Its_Fetched_Keys()
    {
        using var realGitLab = SigningKey.Generate();
        var (keys, _) = JwksParser.Parse(GitLabDiscovery.Keys(realGitLab).ToJsonString());
        var fetcher = new FixedFetcher(new KeySetResult(keys, null));
        using var emu = new CoreHarness(issuerUrl: "https://gitlab.internal.example", fetcher: fetcher);
        var token = CompactJwt.Sign(Forge.Claims(await MintForAsync(emu)).With("iss", "https://gitlab.com"), realGitLab);

        var (status, _) = await emu.PostFormAsync("/v1/token", CoreHarness.StsForm(token));

        Assert.Equal(200, status);
        Assert.Equal(["https://gitlab.com/"], fetcher.Asked);
    }

    [Fact]
    public async Task Should_Not_Sign_For_The_Real_Issuer_When_Standing_In_For_Another()
    {
        var fetcher = new FixedFetcher(KeySetResult.Unavailable("GET https://gitlab.com/.well-known/openid-configuration failed"));
        using var emu = new CoreHarness(issuerUrl: "https://gitlab.internal.example", fetcher: fetcher);
        var ownToken = await MintForAsync(emu);
        var claims = Forge.Claims(ownToken).With("iss", "https://gitlab.com");

        // The emulator's key is not the real issuer's key: a token it signs for gitlab.com is refused.
        var (_, minted) = await emu.PostJsonAsync("/-/keyless/mint", new System.Text.Json.Nodes.JsonObject { ["claims"] = claims });
        var (_, body) = await emu.PostFormAsync("/v1/token", CoreHarness.StsForm(Forge.Tamper(ownToken, claims)));

        Assert.Contains("does not sign for issuer", minted["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Error connecting to the given credential's issuer.", body["error_description"]!.GetValue<string>());
    }

    private static Task<string> MintForAsync(CoreHarness emu) => emu.MintAsync(TestClaims.MainBranch());
}
