using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Evaluation;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Keyless.Formats.Inputs.Tokens;

/// <summary>
/// Verifies a JWT's signature against a JWKS the user named: asymmetric algorithms only (RS256/ES256 as GitLab and
/// the clouds use), never <c>alg=none</c>, never an HMAC key, never a key from the token itself. A refusal says why
/// and what the clouds answer for it (cloud-semantics A9), never an exception type.
/// </summary>
public static class JwtSignature
{
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
    ];

    /// <summary>Null when the signature verifies, else why not.</summary>
    public static async Task<string?> VerifyAsync(JwtParts token, string jwksJson, string jwksSource)
    {
        ArgumentNullException.ThrowIfNull(token);
        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(jwksJson);
        }
        catch (ArgumentException e)
        {
            throw new InputException(jwksSource, "not a JSON Web Key Set: " + e.Message);
        }

        var signingKeys = keys.GetSigningKeys().Where(k => k is not SymmetricSecurityKey).ToArray();
        var alg = Text(token.Header, "alg");
        var kid = Text(token.Header, "kid");
        if (alg is null || !Algorithms.Contains(alg, StringComparer.Ordinal))
        {
            return NoKey(jwksSource, alg switch
            {
                null => "the token header has no alg",
                _ when alg.Equals("none", StringComparison.OrdinalIgnoreCase) => $"alg {Quote(alg)} (an unsigned token) is never accepted",
                _ when alg.StartsWith("HS", StringComparison.OrdinalIgnoreCase) => $"alg {Quote(alg)} is an HMAC; the issuer's public key is not a shared secret",
                _ => $"alg {Quote(alg)} is not accepted",
            });
        }

        if (kid is not null && keys.Keys.FirstOrDefault(k => k.Kid == kid) is { } named
            && !string.Equals(named.Kty, alg.StartsWith("ES", StringComparison.Ordinal) ? "EC" : "RSA", StringComparison.Ordinal))
        {
            return NoKey(jwksSource, $"alg {Quote(alg)} does not fit key {Quote(kid)}, a {Quote(named.Kty ?? "null")} key");
        }

        if (kid is not null && !signingKeys.Any(k => k.KeyId == kid))
        {
            return NoKey(jwksSource, $"kid {Quote(kid)} is not in {jwksSource}", EntraUnknownKey(kid, token));
        }

        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = Algorithms,
            ValidateAudience = false,
            ValidateIssuer = false,
            ValidateLifetime = false,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = false,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.Compact, parameters).ConfigureAwait(false);
        return result.IsValid ? null : result.Exception switch
        {
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidAlgorithmException =>
                NoKey(jwksSource, $"no key in {jwksSource} fits the token's kid and alg"),
            _ => $"the signature does not verify against {jwksSource}{(kid is null ? string.Empty : $" (key {Quote(kid)})")}. "
                + $"GCP STS answers {Words(SignatureErrors.StsBadSignature)} "
                + $"Entra answers {SignatureErrors.EntraBadSignature.Description}",
        };
    }

    private static string NoKey(string jwksSource, string why, string? entra = null) =>
        $"the token cannot be checked against {jwksSource}: {why}. GCP STS answers {Words(SignatureErrors.StsIssuerUnreachable)}"
        + (entra is null ? string.Empty : " Entra answers " + entra);

    private static string EntraUnknownKey(string kid, JwtParts token) =>
        SignatureErrors.EntraUnknownKey(Quote(kid), Quote(Text(token.Claims, "iss") ?? "null")).Description;

    private static string Words(CloudError error) => $"{error.Error}: {error.Description}";

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Header values are the attacker's text: quoted as JSON and cut short, so they cannot forge output lines.</summary>
    private static string Quote(string value) => JsonValue.Create(value.Length > 64 ? value[..64] + "…" : value).ToJsonString();
}
