using Keyless.Emulator.Issuer;
using Microsoft.IdentityModel.Tokens;

namespace Keyless.Emulator.Tests.Issuer;

public sealed class SigningKeyTests
{
    [Fact]
    public void Should_Use_The_Rfc7638_Thumbprint_As_Kid()
    {
        using var key = SigningKey.Generate();

        // IdentityModel computes the thumbprint independently from the published JWK.
        var jwk = new JsonWebKey(key.ToJwk().ToJsonString());

        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), key.KeyId);
    }

    [Fact]
    public void Should_Publish_Exactly_The_Members_GitLab_Publishes()
    {
        using var key = SigningKey.Generate();

        var names = key.ToJwk().Select(p => p.Key).ToArray();

        Assert.Equal(["kty", "kid", "e", "n", "use", "alg"], names);
        Assert.Equal("RS256", key.ToJwk()["alg"]!.GetValue<string>());
        Assert.Equal("sig", key.ToJwk()["use"]!.GetValue<string>());
    }

    [Fact]
    public void Should_Never_Publish_Private_Members()
    {
        using var key = SigningKey.Generate();

        var json = GitLabDiscovery.Keys(key).ToJsonString();

        foreach (var member in new[] { "\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"" })
        {
            Assert.DoesNotContain(member, json, StringComparison.Ordinal);
        }
    }
}
