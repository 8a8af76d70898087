using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Emulator.Issuer;

/// <summary>
/// Writes a compact RS256 JWS by hand so the header and claim order are exactly GitLab's
/// (ruby-jwt: <c>{"alg","kid","typ"}</c>), which a general-purpose token handler would reorder.
/// </summary>
public static class CompactJwt
{

    public static string Sign(JsonObject claims, SigningKey key)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = key.KeyId, ["typ"] = "JWT" };
        var signingInput = Part(header) + "." + Part(claims);
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.Encode(signature);
    }

    private static string Part(JsonObject json) =>
        Base64Url.Encode(Encoding.UTF8.GetBytes(json.ToJsonString(JsonFormatting.Compact)));
}
