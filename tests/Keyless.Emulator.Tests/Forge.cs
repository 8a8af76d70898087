using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Emulator.Issuer;

namespace Keyless.Emulator.Tests;

/// <summary>Builds tokens the way an attacker would: any header, any claims, any signature.</summary>
public static class Forge
{
    public static string Token(JsonObject header, JsonObject claims, Func<byte[], byte[]> sign)
    {
        var input = B64(header.ToJsonString()) + "." + B64(claims.ToJsonString());
        return input + "." + Base64Url.Encode(sign(Encoding.ASCII.GetBytes(input)));
    }

    public static string Rs256(RSA key, string kid, JsonObject claims, JsonObject? extraHeader = null)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = kid, ["typ"] = "JWT" };
        foreach (var (name, value) in extraHeader ?? [])
        {
            header[name] = value?.DeepClone();
        }

        return Token(header, claims, input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>The claims of a token, unverified.</summary>
    public static JsonObject Claims(string token) =>
        (JsonObject)JsonNode.Parse(Base64Url.TryDecode(token.Split('.')[1])!)!;

    public static JsonObject Header(string token) =>
        (JsonObject)JsonNode.Parse(Base64Url.TryDecode(token.Split('.')[0])!)!;

    /// <summary>The same token with its payload replaced and the original signature kept.</summary>
    public static string Tamper(string token, JsonObject claims)
    {
        var parts = token.Split('.');
        return parts[0] + "." + B64(claims.ToJsonString()) + "." + parts[2];
    }

    public static string B64(string json) => Base64Url.Encode(Encoding.UTF8.GetBytes(json));
}
