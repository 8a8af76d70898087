using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Emulator.Issuer;

/// <summary>
/// An RSA signing key that lives only in memory, published as GitLab publishes its CI signing key:
/// <c>{kty, kid, e, n, use: "sig", alg: "RS256"}</c> with the RFC 7638 thumbprint as <c>kid</c>
/// (json-jwt's <c>to_jwk</c> default, which GitLab's JwksController relies on).
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly RSA _rsa;

    // RSA instances are not safe for concurrent use, and the host serves requests in parallel.
    private readonly Lock _gate = new();
    private readonly RSAParameters _public;
    private Verification.VerificationKey? _verificationKey;

    private SigningKey(RSA rsa)
    {
        _rsa = rsa;
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        _public = parameters;
        Modulus = Base64Url.Encode(parameters.Modulus!);
        Exponent = Base64Url.Encode(parameters.Exponent!);
        KeyId = Thumbprint(Exponent, Modulus);
    }

    public string KeyId { get; }

    /// <summary>Base64url modulus (<c>n</c>).</summary>
    public string Modulus { get; }

    /// <summary>Base64url public exponent (<c>e</c>).</summary>
    public string Exponent { get; }

    /// <summary>A fresh key. 2048 bits keeps start-up fast; clients treat any RS256 key size alike.</summary>
    public static SigningKey Generate(int bits = 2048) => new(RSA.Create(bits));

    /// <summary>The public key as a JWK, in GitLab's member order.</summary>
    public JsonObject ToJwk() => new()
    {
        ["kty"] = "RSA",
        ["kid"] = KeyId,
        ["e"] = Exponent,
        ["n"] = Modulus,
        ["use"] = "sig",
        ["alg"] = "RS256",
    };

    /// <summary>RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over the JWS signing input.</summary>
    public byte[] Sign(ReadOnlySpan<byte> signingInput)
    {
        var data = signingInput.ToArray();
        lock (_gate)
        {
            return _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    /// <summary>The public half, for verifiers that must never see the private key.</summary>
    public RSAParameters PublicParameters() => _public;

    /// <summary>The public half as the verifier takes it, one object for the key's life (its provider is cached on it).</summary>
    public Verification.VerificationKey VerificationKey => _verificationKey ??= new(KeyId, _public);

    public void Dispose() => _rsa.Dispose();

    // RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace.
    private static string Thumbprint(string e, string n)
    {
        var canonical = $"{{\"e\":\"{e}\",\"kty\":\"RSA\",\"n\":\"{n}\"}}";
        return Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
