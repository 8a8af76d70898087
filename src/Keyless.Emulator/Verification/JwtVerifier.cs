using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Emulator.Issuer;
using Microsoft.IdentityModel.Tokens;
using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Verification;

/// <summary>
/// Checks an RS256 JWT against a trusted key set. The key is chosen only by <c>kid</c> from keys the caller trusts
/// (the issuer's JWKS); header members that name a key (<c>jwk</c>, <c>jku</c>, <c>x5u</c>, <c>x5c</c>) are never
/// followed, <c>alg=none</c> and HMAC algorithms are refused before any key is touched, and sizes are capped.
/// Time claims are not checked here: each cloud has its own skew and wording, so the evaluators do it.
/// </summary>
public static class JwtVerifier
{
    /// <summary>GitLab tokens are 1–3 KB; anything near this is not a CI token.</summary>
    public const int MaxTokenLength = 16 * 1024;

    private const int MaxDepth = 32;

    /// <summary>Reads header and claims without checking anything (for choosing the issuer's keys).</summary>
    public static JwtVerification Read(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return JwtVerification.Fail(JwtFailure.TooLarge, $"the token is {token.Length} characters long; at most {MaxTokenLength} are accepted");
        }

        // Three parts, found without splitting: the token is read from the caller's string, never copied whole.
        var span = token.AsSpan();
        var dots = span.Count('.');
        if (dots != 2)
        {
            return JwtVerification.Fail(JwtFailure.Malformed, $"the token has {dots + 1} dot-separated parts; a signed JWT has 3");
        }

        var first = span.IndexOf('.');
        var second = first + 1 + span[(first + 1)..].IndexOf('.');
        if (DecodeObject(span[..first]) is not { } header)
        {
            return JwtVerification.Fail(JwtFailure.Malformed, "the token header is not a base64url-encoded JSON object");
        }

        if (DecodeObject(span[(first + 1)..second]) is not { } claims)
        {
            return JwtVerification.Fail(JwtFailure.Malformed, "the token payload is not a base64url-encoded JSON object", header);
        }

        return JwtVerification.Valid(header, claims);
    }

    public static Task<JwtVerification> VerifyAsync(string token, IReadOnlyList<VerificationKey> trustedKeys) =>
        Task.FromResult(Verify(token, trustedKeys));

    public static JwtVerification Verify(string token, IReadOnlyList<VerificationKey> trustedKeys) =>
        Verify(token, Read(token), trustedKeys);

    /// <summary>
    /// As <see cref="Verify(string, IReadOnlyList{VerificationKey})"/>, reusing <see cref="Read"/>'s result: it must be
    /// the read of this same token, since the signature is checked over <paramref name="token"/> and the claims come
    /// from <paramref name="read"/> (internal, for the endpoints that read the claims before the signature).
    /// </summary>
    internal static JwtVerification Verify(string token, JwtVerification read, IReadOnlyList<VerificationKey> trustedKeys)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(read);
        if (!read.IsValid)
        {
            return read;
        }

        var header = read.Header!;
        var claims = read.Claims!;
        var alg = header["alg"] is JsonValue a && a.TryGetValue<string>(out var algText) ? algText : null;
        if (alg != SecurityAlgorithms.RsaSha256)
        {
            var why = alg switch
            {
                null => "the token header has no alg",
                "none" => "alg \"none\" (an unsigned token) is never accepted",
                _ when alg.StartsWith("HS", StringComparison.Ordinal) =>
                    $"alg \"{alg}\" is an HMAC; accepting it would let the issuer's public key act as a shared secret",
                _ => $"alg \"{alg}\" is not accepted; GitLab signs with RS256",
            };
            return JwtVerification.Fail(JwtFailure.UnsupportedAlgorithm, why, header, claims);
        }

        if (header.ContainsKey("crit"))
        {
            return JwtVerification.Fail(JwtFailure.CriticalHeader, "the token header has crit, naming extensions that must be understood; none are", header, claims);
        }

        if (header["kid"] is not JsonValue k || !k.TryGetValue<string>(out var kid) || kid.Length == 0)
        {
            return JwtVerification.Fail(JwtFailure.MissingKeyId, "the token header has no kid", header, claims);
        }

        var key = trustedKeys.FirstOrDefault(candidate => string.Equals(candidate.KeyId, kid, StringComparison.Ordinal));
        if (key is null)
        {
            return JwtVerification.Fail(JwtFailure.UnknownKeyId, $"kid \"{kid}\" is not in the issuer's key set", header, claims);
        }

        // The signature alone, through IdentityModel's RS256 provider (which also refuses keys under 2048 bits). Token
        // parsing stays ours: a handler that rejects an odd aud type would report it as a bad signature.
        var dot = token.LastIndexOf('.');
        var signature = Base64Url.TryDecode(token.AsSpan(dot + 1));
        var verified = signature is { Length: > 0 } && Verify(key, Encoding.ASCII.GetBytes(token, 0, dot), signature);
        if (!verified)
        {
            return JwtVerification.Fail(JwtFailure.BadSignature, $"the signature does not verify with the issuer's key \"{kid}\"", header, claims);
        }

        return JwtVerification.Valid(header, claims);
    }

    private static bool Verify(VerificationKey key, byte[] signingInput, byte[] signature)
    {
        if (SignatureVerifiers.For(key) is not { } provider)
        {
            // A key IdentityModel will not use (too small, malformed) verifies nothing.
            return false;
        }

        try
        {
            return provider.Verify(signingInput, signature);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or CryptographicException or InvalidOperationException)
        {
            return false;
        }
    }

    private static JsonObject? DecodeObject(ReadOnlySpan<char> part)
    {
        if (Base64Url.TryDecode(part) is not { } utf8)
        {
            return null;
        }

        // Duplicate member names, escaped lone surrogates and bytes that are not UTF-8 are refused: a token whose
        // claims read differently to different parsers is a forgery aid, and none may throw later in evaluation.
        try
        {
            return StrictJson.Parse(utf8, MaxDepth) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
