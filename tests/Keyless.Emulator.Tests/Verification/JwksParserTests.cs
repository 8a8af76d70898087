using Keyless.Emulator.Verification;

namespace Keyless.Emulator.Tests.Verification;

public sealed class JwksParserTests
{
    [Theory]
    [InlineData("""{"keys": [{"kty": "RSA", "kid": "\uD800", "n": "AQAB", "e": "AQAB"}]}""")]
    [InlineData("""{"keys": [{"kty": "RSA", "kid": "k", "kid": "k2", "n": "AQAB", "e": "AQAB"}]}""")]
    [InlineData("""{"keys": [""")]
    public void Should_Answer_An_Error_Not_Throw_For_A_Broken_Jwks(string json)
    {
        var (keys, error) = JwksParser.Parse(json);

        Assert.Empty(keys);
        Assert.StartsWith("the JWKS is not JSON", error, StringComparison.Ordinal);
    }
}
