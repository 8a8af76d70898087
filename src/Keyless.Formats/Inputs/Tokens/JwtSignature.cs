using Keyless.Trust.Diagnostics;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Keyless.Formats.Inputs.Tokens;

/// <summary>
/// Verifies a JWT's signature against a JWKS the user named: asymmetric algorithms only (RS256/ES256 as GitLab and
/// the clouds use), never <c>alg=none</c>, never an HMAC key, never a key from the token itself.
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
        return result.IsValid ? null : $"the signature does not verify against {jwksSource}: {result.Exception?.GetType().Name ?? "invalid"}";
    }
}
