using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Emulator.Issuer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

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

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>Reads header and claims without checking anything (for choosing the issuer's keys).</summary>
    public static JwtVerification Read(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return JwtVerification.Fail(JwtFailure.TooLarge, $"the token is {token.Length} characters long; at most {MaxTokenLength} are accepted");
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return JwtVerification.Fail(JwtFailure.Malformed, $"the token has {parts.Length} dot-separated parts; a signed JWT has 3");
        }

        if (DecodeObject(parts[0]) is not { } header)
        {
            return JwtVerification.Fail(JwtFailure.Malformed, "the token header is not a base64url-encoded JSON object");
        }

        if (DecodeObject(parts[1]) is not { } claims)
        {
            return JwtVerification.Fail(JwtFailure.Malformed, "the token payload is not a base64url-encoded JSON object", header);
        }

        return JwtVerification.Valid(header, claims);
    }

    public static async Task<JwtVerification> VerifyAsync(string token, IReadOnlyList<VerificationKey> trustedKeys)
    {
        var read = Read(token);
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

        if (header["kid"] is not JsonValue k || !k.TryGetValue<string>(out var kid) || kid.Length == 0)
        {
            return JwtVerification.Fail(JwtFailure.MissingKeyId, "the token header has no kid", header, claims);
        }

        var key = trustedKeys.FirstOrDefault(candidate => string.Equals(candidate.KeyId, kid, StringComparison.Ordinal));
        if (key is null)
        {
            return JwtVerification.Fail(JwtFailure.UnknownKeyId, $"kid \"{kid}\" is not in the issuer's key set", header, claims);
        }

        // From parameters, with no provider cache: IdentityModel caches signature providers by key id, and a cached
        // provider bound to an RSA instance disposed after an earlier call would fail every later token with that kid.
        var signingKey = new RsaSecurityKey(key.Parameters)
        {
            KeyId = key.KeyId,
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = signingKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateIssuerSigningKey = false,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return JwtVerification.Fail(JwtFailure.BadSignature, $"the signature does not verify with the issuer's key \"{kid}\"", header, claims);
        }

        return JwtVerification.Valid(header, claims);
    }

    private static JsonObject? DecodeObject(string part)
    {
        if (Base64Url.TryDecode(part) is not { } bytes)
        {
            return null;
        }

        // Duplicate member names are refused: a token whose claims read differently to different parsers is a forgery aid.
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(bytes), documentOptions: ParseOptions) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
