using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Emulator.Issuer;
using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Verification;

/// <summary>
/// Reads a JWKS (<c>{"keys":[…]}</c>) into RSA verification keys. Only RSA signing keys with a <c>kid</c> are kept;
/// like Entra, only the first 100 keys count.
/// </summary>
public static class JwksParser
{
    public const int MaxKeys = 100;

    /// <summary>The keys, or an error sentence when the document is not a usable JWKS.</summary>
    public static (IReadOnlyList<VerificationKey> Keys, string? Error) Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = StrictJson.Parse(json, 16);
        }
        catch (JsonException e)
        {
            return ([], "the JWKS is not JSON: " + e.Message);
        }

        if (root is not JsonObject { } obj || obj["keys"] is not JsonArray array)
        {
            return ([], "the JWKS has no \"keys\" array");
        }

        var keys = new List<VerificationKey>();
        foreach (var node in array.Take(MaxKeys))
        {
            if (node is JsonObject jwk && ToKey(jwk) is { } key)
            {
                keys.Add(key);
            }
        }

        return (keys, null);
    }

    public static VerificationKey? ToKey(JsonObject jwk)
    {
        if (Text(jwk, "kty") != "RSA" || Text(jwk, "kid") is not { Length: > 0 } kid)
        {
            return null;
        }

        // A key published for another algorithm or for encryption is never used to check an RS256 signature.
        if ((Text(jwk, "alg") is { } alg && alg != "RS256") || (Text(jwk, "use") is { } use && use != "sig"))
        {
            return null;
        }

        if (Text(jwk, "n") is not { } n || Text(jwk, "e") is not { } e
            || Base64Url.TryDecode(n) is not { Length: >= 256 } modulus || Base64Url.TryDecode(e) is not { Length: > 0 } exponent)
        {
            return null;
        }

        return new VerificationKey(kid, new RSAParameters { Modulus = modulus, Exponent = exponent });
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
