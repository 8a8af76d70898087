using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Login.Tokens;

namespace Keyless.Login.Tests.Infrastructure;

/// <summary>
/// JWT-shaped test tokens for the checks that only decode: the header and claims are real, the signature is random
/// bytes (Keyless never verifies it; the emulator-backed tests use tokens the emulator signs).
/// </summary>
public static class TestTokens
{
    public static string Compact(JsonObject claims, string kid = "test-key")
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = kid, ["typ"] = "JWT" };
        return Segment(header.ToJsonString()) + "." + Segment(claims.ToJsonString()) + "." + Base64Url(RandomNumberGenerator.GetBytes(256));
    }

    public static SubjectToken Token(JsonObject claims) => SubjectToken.Parse(Compact(claims), "$GITLAB_OIDC_TOKEN");

    /// <summary>
    /// <see cref="TestTrust.Claims"/> with what GitLab adds when it signs: issued at <paramref name="now"/> by
    /// gitlab.com for an hour, with <paramref name="sub"/>.
    /// </summary>
    public static JsonObject Claims(string aud, DateTimeOffset now, string sub = TestTrust.MainSubject, string reference = "main", string refProtected = "true")
    {
        var claims = TestTrust.Claims(aud, reference, refProtected);
        claims["jti"] = Guid.NewGuid().ToString();
        claims["iss"] = "https://gitlab.com";
        claims["iat"] = now.ToUnixTimeSeconds();
        claims["nbf"] = now.ToUnixTimeSeconds() - 5;
        claims["exp"] = now.ToUnixTimeSeconds() + 3600;
        claims["sub"] = sub;
        return claims;
    }

    private static string Segment(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
