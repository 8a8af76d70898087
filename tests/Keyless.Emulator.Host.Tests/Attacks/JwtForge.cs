using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Emulator.Host.Tests.Attacks;

/// <summary>
/// Builds JWTs byte by byte, the way an attacker would: any header, any payload text (duplicate keys included),
/// any algorithm or none, and signatures made with the wrong key or cut short.
/// </summary>
public static class JwtForge
{
    public static string Segment(string json) => LoopbackIssuer.Base64Url(Encoding.UTF8.GetBytes(json));

    public static string Segment(JsonObject json) => Segment(json.ToJsonString());

    /// <summary><c>header.payload.signature</c> over raw JSON texts, signed by <paramref name="sign"/> (null: no signature).</summary>
    public static string Compact(string headerJson, string payloadJson, Func<byte[], byte[]>? sign)
    {
        var input = Segment(headerJson) + "." + Segment(payloadJson);
        var signature = sign is null ? string.Empty : LoopbackIssuer.Base64Url(sign(Encoding.ASCII.GetBytes(input)));
        return input + "." + signature;
    }

    public static string Compact(JsonObject header, JsonObject payload, Func<byte[], byte[]>? sign) =>
        Compact(header.ToJsonString(), payload.ToJsonString(), sign);

    public static Func<byte[], byte[]> Rs256(RSA key) => data => key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public static Func<byte[], byte[]> Hs256(byte[] secret) => data => HMACSHA256.HashData(secret, data);

    /// <summary>ES256 as JWS wants it: the raw r‖s pair, not DER.</summary>
    public static Func<byte[], byte[]> Es256(ECDsa key) => data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public static JsonObject Header(string alg, string? kid) => kid is null
        ? new JsonObject { ["alg"] = alg, ["typ"] = "JWT" }
        : new JsonObject { ["alg"] = alg, ["kid"] = kid, ["typ"] = "JWT" };
}
