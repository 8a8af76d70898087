using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using static Keyless.Emulator.Host.Tests.Attacks.JwtForge;
using static Keyless.Emulator.Host.Tests.Attacks.Refusals;

namespace Keyless.Emulator.Host.Tests.Attacks;

/// <summary>
/// The JWT attack catalogue (issue 9): forged algorithms, keys named by the token, broken signatures, times, issuers,
/// audiences, parser tricks and sizes. Each is refused with the cloud's own error; the few a cloud accepts by design
/// say why.
/// </summary>
public static class AttackCases
{
    public static readonly IReadOnlyList<AttackCase> All =
    [
        .. new[] { "none", "None", "NONE", "nOnE" }.Select(alg =>
            new AttackCase($"alg {alg}, no signature", (r, c) => Compact(Header(alg, r.Issuer.KeyId), c, null), StsIssuerKeys, EntraMalformed)),
        new("alg none keeping the issuer's real signature", (r, c) => Resign(Signed(r, c), Header("none", r.Issuer.KeyId)), StsIssuerKeys, EntraMalformed),
        new("alg missing", (r, c) => Compact(new JsonObject { ["kid"] = r.Issuer.KeyId, ["typ"] = "JWT" }, c, Rs256(r.Issuer.Key)), StsIssuerKeys, EntraMalformed),
        new("HS256 keyed with the issuer's public key (PEM)", (r, c) =>
            Compact(Header("HS256", r.Issuer.KeyId), c, Hs256(Encoding.UTF8.GetBytes(r.Issuer.Key.ExportSubjectPublicKeyInfoPem()))), StsIssuerKeys, EntraMalformed),
        new("HS256 keyed with the issuer's public key (PKCS#1 DER)", (r, c) =>
            Compact(Header("HS256", r.Issuer.KeyId), c, Hs256(r.Issuer.Key.ExportRSAPublicKey())), StsIssuerKeys, EntraMalformed),
        new("HS256 keyed with the published JWKS text", (r, c) =>
            Compact(Header("HS256", r.Issuer.KeyId), c, Hs256(Encoding.UTF8.GetBytes(r.Issuer.Jwks))), StsIssuerKeys, EntraMalformed),
        new("ES256 under the RSA key's kid, signed by an EC key", (r, c) => Compact(Header("ES256", r.Issuer.KeyId), c, Es256(r.EcKey)), StsIssuerKeys, EntraMalformed),
        new("ES256 under the RSA key's kid, with an RSA signature", (r, c) => Compact(Header("ES256", r.Issuer.KeyId), c, Rs256(r.Issuer.Key)), StsIssuerKeys, EntraMalformed),
        new("kid unknown", (r, c) => Compact(Header("RS256", "not-a-key"), c, Rs256(r.Issuer.Key)), StsIssuerKeys, EntraUnknownKey),
        new("kid path-like", (r, c) => Compact(Header("RS256", "../../../../../dev/null"), c, Rs256(r.Issuer.Key)), StsIssuerKeys, EntraUnknownKey),
        new("kid with SQL injected", (r, c) => Compact(Header("RS256", "x' UNION SELECT 'AAAA' --"), c, Rs256(r.Issuer.Key)), StsIssuerKeys, EntraUnknownKey),
        new("kid with the trusted kid and a JSON break injected", (r, c) =>
            Compact(Header("RS256", r.Issuer.KeyId + "\",\"alg\":\"none"), c, Rs256(r.Issuer.Key)), StsIssuerKeys, EntraUnknownKey),
        new("kid missing", (r, c) => Compact(Header("RS256", null), c, Rs256(r.Issuer.Key)), StsIssuerKeys, EntraMalformed),
        new("kid a number", (r, c) => Compact(new JsonObject { ["alg"] = "RS256", ["kid"] = 1, ["typ"] = "JWT" }, c, Rs256(r.Issuer.Key)), StsIssuerKeys, EntraMalformed),
        new("jwk header carrying the attacker's key and kid", (r, c) =>
            Compact(With(Header("RS256", r.Attacker.KeyId), "jwk", AttackerJwk(r)), c, Rs256(r.Attacker.Key)), StsIssuerKeys, EntraUnknownKey),
        new("jwk header carrying the attacker's key under the trusted kid", (r, c) =>
            Compact(With(Header("RS256", r.Issuer.KeyId), "jwk", AttackerJwk(r)), c, Rs256(r.Attacker.Key)), StsSignature, EntraSignature),
        new("jku header naming the attacker's key set", (r, c) =>
            Compact(With(Header("RS256", r.Attacker.KeyId), "jku", r.Attacker.Origin + "/oauth/discovery/keys"), c, Rs256(r.Attacker.Key)), StsIssuerKeys, EntraUnknownKey),
        new("x5u header naming the attacker's certificate under the trusted kid", (r, c) =>
            Compact(With(Header("RS256", r.Issuer.KeyId), "x5u", r.Attacker.Origin + "/cert.pem"), c, Rs256(r.Attacker.Key)), StsSignature, EntraSignature),
        new("x5c header with the attacker's certificate under the trusted kid", (r, c) =>
            Compact(With(Header("RS256", r.Issuer.KeyId), "x5c", new JsonArray(AttackerCertificate(r))), c, Rs256(r.Attacker.Key)), StsSignature, EntraSignature),
        new("crit naming an extension nobody implements", (r, c) =>
            Compact(With(With(Header("RS256", r.Issuer.KeyId), "crit", new JsonArray("x-bypass")), "x-bypass", true), c, Rs256(r.Issuer.Key)), StsSignature, EntraMalformed),
        new("crit empty", (r, c) => Compact(With(Header("RS256", r.Issuer.KeyId), "crit", new JsonArray()), c, Rs256(r.Issuer.Key)), StsSignature, EntraMalformed),
        new("valid signature from another key under the trusted kid", (r, c) => Compact(Header("RS256", r.Issuer.KeyId), c, Rs256(r.Attacker.Key)), StsSignature, EntraSignature),
        new("the issuer's signature of another token spliced on", (r, c) =>
        {
            var other = Signed(r, With(c, "project_id", "1"));
            var forged = Signed(r, With(c, "sub", "project_path:evil/app:ref_type:branch:ref:main"));
            return forged[..(forged.LastIndexOf('.') + 1)] + other[(other.LastIndexOf('.') + 1)..];
        }, StsSignature, EntraSignature),
        new("empty signature", (r, c) => Signed(r, c)[..(Signed(r, c).LastIndexOf('.') + 1)], StsSignature, EntraSignature),
        new("truncated signature", (r, c) => Signed(r, c)[..^12], StsSignature, EntraSignature),
        new("signature with one bit flipped", (r, c) => FlipLastSignatureChar(Signed(r, c)), StsSignature, EntraSignature),
        new("no signature segment", (r, c) => Signed(r, c)[..Signed(r, c).LastIndexOf('.')], StsUnparsable, EntraMalformed),
        new("five segments (JWE-shaped)", (r, c) => Signed(r, c) + ".AAAA.BBBB", StsUnparsable, EntraMalformed),
        new("expired an hour ago", (r, c) => Signed(r, Times(c, iat: -7200, nbf: -7205, exp: -3600)), StsStale, EntraTime),
        new("nbf an hour in the future", (r, c) => Signed(r, Times(c, iat: 0, nbf: 3600, exp: 7200)), StsStale, EntraTime),
        new("iat an hour in the future", (r, c) => Signed(r, Times(c, iat: 3600, nbf: -5, exp: 7200)), StsStale, null,
            "Entra checks only the nbf/exp window of a client assertion (cloud-semantics B4)"),
        new("exp missing", (r, c) => Signed(r, Without(c, "exp")), StsStale, EntraAny),
        new("iat missing", (r, c) => Signed(r, Without(c, "iat")), StsStale, null, "Entra checks only the nbf/exp window of a client assertion"),
        new("exp a string far in the future", (r, c) => Signed(r, With(c, "exp", "99999999999")), StsStale, EntraAny),
        new("iss with a trailing slash", (r, c) => Signed(r, With(c, "iss", r.Issuer.Url + "/")), null, EntraIssuer,
            "STS tolerates one trailing-slash difference between iss and issuerUri (GitLab's own GCP guide relies on it); Entra compares exactly"),
        new("iss in another case", (r, c) => Signed(r, With(c, "iss", r.Issuer.Url.Replace("/GitLab", "/gitlab", StringComparison.Ordinal))), StsIssuer, EntraIssuer),
        new("aud an array without the trusted audience", (r, c) => Signed(r, With(c, "aud", new JsonArray("https://attacker.example", "api://other"))), StsAudience, EntraAudience),
        new("aud an array nesting the trusted audience", (r, c) => Signed(r, With(c, "aud", new JsonArray(new JsonArray(c["aud"]!.GetValue<string>())))), StsInvalidGrant, EntraAny),
        new("aud an object holding the trusted audience", (r, c) => Signed(r, With(c, "aud", new JsonObject { ["0"] = c["aud"]!.GetValue<string>() })), StsInvalidGrant, EntraAny),
        new("duplicate sub in the payload", (r, c) =>
            SignedText(r, Header("RS256", r.Issuer.KeyId).ToJsonString(), c.ToJsonString()[..^1] + ",\"sub\":\"project_path:evil/app:ref_type:branch:ref:main\"}"),
            StsUnparsable, EntraMalformed),
        new("duplicate alg in the header", (r, c) =>
            SignedText(r, $"{{\"alg\":\"RS256\",\"kid\":\"{r.Issuer.KeyId}\",\"alg\":\"none\"}}", c.ToJsonString()), StsUnparsable, EntraMalformed),
        new("sub a number", (r, c) => Signed(r, With(c, "sub", 4242)), StsSubjectType, EntraSubject),
        new("project_id a number", (r, c) => Signed(r, With(c, "project_id", 4242)), StsProjectIdType, null,
            "the Entra credential matches iss, sub and aud only; project_id plays no part"),
        new("ref_protected a boolean", (r, c) => Signed(r, With(c, "ref_protected", true)), StsCondition, null,
            "the Entra credential matches iss, sub and aud only; ref_protected plays no part"),
        new("oversized token (a 24 KB claim)", (r, c) => Signed(r, With(c, "padding", new string('A', 24 * 1024))), StsUnparsable, EntraMalformed),
        new("header not JSON", (r, c) => SignedText(r, "alg=RS256", c.ToJsonString()), StsUnparsable, EntraMalformed),
        new("payload a JSON array", (r, c) => SignedText(r, Header("RS256", r.Issuer.KeyId).ToJsonString(), "[\"sub\",\"aud\"]"), StsUnparsable, EntraMalformed),
        new("payload not base64url", (r, c) => Segment(Header("RS256", r.Issuer.KeyId)) + ".@@not*base64@@." + LoopbackIssuer.Base64Url(new byte[256]), StsUnparsable, EntraMalformed),
        new("payload nested 5000 deep", (r, c) =>
            SignedText(r, Header("RS256", r.Issuer.KeyId).ToJsonString(), c.ToJsonString()[..^1] + ",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}"),
            StsUnparsable, EntraMalformed),
    ];

    public static AttackCase Named(string name) => All.Single(c => c.Name == name);

    public static string Signed(AttackRig rig, JsonObject claims) => Compact(Header("RS256", rig.Issuer.KeyId), claims, Rs256(rig.Issuer.Key));

    private static string SignedText(AttackRig rig, string header, string payload) => Compact(header, payload, Rs256(rig.Issuer.Key));

    private static string Resign(string token, JsonObject header) => Segment(header) + token[token.IndexOf('.', StringComparison.Ordinal)..];

    private static JsonObject With(JsonObject json, string name, JsonNode? value)
    {
        var copy = (JsonObject)json.DeepClone();
        copy[name] = value;
        return copy;
    }

    private static JsonObject Without(JsonObject json, string name)
    {
        var copy = (JsonObject)json.DeepClone();
        copy.Remove(name);
        return copy;
    }

    private static JsonObject Times(JsonObject claims, long iat, long nbf, long exp)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return With(With(With(claims, "iat", now + iat), "nbf", now + nbf), "exp", now + exp);
    }

    private static string FlipLastSignatureChar(string token)
    {
        // The first signature character carries 6 full bits, so flipping it changes the signature for sure.
        var at = token.LastIndexOf('.') + 1;
        var flipped = token[at] == 'A' ? 'B' : 'A';
        return token[..at] + flipped + token[(at + 1)..];
    }

    private static JsonObject AttackerJwk(AttackRig rig)
    {
        var p = rig.Attacker.Key.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA", ["kid"] = rig.Attacker.KeyId, ["e"] = LoopbackIssuer.Base64Url(p.Exponent!), ["n"] = LoopbackIssuer.Base64Url(p.Modulus!),
        };
    }

    private static string AttackerCertificate(AttackRig rig)
    {
        var request = new CertificateRequest("CN=gitlab.com", rig.Attacker.Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return Convert.ToBase64String(certificate.RawData);
    }
}
