using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Keyless.Emulator.Issuer;
using Keyless.Emulator.Verification;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Entra;

/// <summary>
/// Signs the emulator's Entra access tokens (v1 shape, as Entra issues for ARM) with the emulator's Entra key, and
/// checks them when they come back as the bearer on ARM calls. Lifetime is Entra's: a random 60–90 minutes.
/// </summary>
public sealed class EntraAccessTokens
{
    private readonly SigningKey _key;
    private readonly TimeProvider _time;

    // The one key its own tokens verify with, built once so the verifier's per-key cache finds it.
    private readonly VerificationKey[] _verificationKeys;

    public EntraAccessTokens(SigningKey key, TimeProvider time)
    {
        _key = key;
        _time = time;
        _verificationKeys = [key.VerificationKey];
    }

    public SigningKey Key => _key;

    public (string Token, int ExpiresIn) Issue(AzureIdentity identity, string tenant, string resource)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var lifetime = RandomNumberGenerator.GetInt32(3600, 5400);
        var tid = identity.TenantId ?? tenant;
        var oid = identity.ObjectId ?? identity.ClientId ?? Guid.Empty.ToString();
        var claims = new JsonObject
        {
            ["aud"] = resource,
            ["iss"] = $"https://sts.windows.net/{tid}/",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + lifetime,
            ["appid"] = identity.ClientId,
            ["appidacr"] = "2",
            ["idp"] = $"https://sts.windows.net/{tid}/",
            ["idtyp"] = "app",
            ["oid"] = oid,
            ["sub"] = oid,
            ["tid"] = tid,
            ["uti"] = Base64Url.Encode(RandomNumberGenerator.GetBytes(16)),
            ["ver"] = "1.0",
        };
        if (identity.Kind == AzureIdentityKind.ManagedIdentity && identity.ResourceId is { } mirid)
        {
            claims["xms_mirid"] = mirid;
        }

        return (CompactJwt.Sign(claims, _key), lifetime);
    }

    /// <summary>The tenant of a live token this emulator issued, or null with the reason it is not one.</summary>
    public async Task<(string? Tenant, string? Error)> ValidateAsync(string? bearer)
    {
        if (bearer is null)
        {
            return (null, "missing");
        }

        var verification = await JwtVerifier.VerifyAsync(bearer, _verificationKeys).ConfigureAwait(false);
        if (!verification.IsValid)
        {
            return (null, verification.Reason);
        }

        var claims = verification.Claims!;
        var exp = claims["exp"] is JsonValue e && e.TryGetValue<long>(out var seconds) ? seconds : 0;
        if (exp <= _time.GetUtcNow().ToUnixTimeSeconds())
        {
            return (null, "expired");
        }

        return (claims["tid"]?.GetValue<string>(), null);
    }
}
