using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Keyless.Emulator.Verification;

/// <summary>
/// One RS256 verifying provider per distinct public key, kept for the process: building an RSA key and its
/// provider costs far more than a verification. Keyed by the key's content (kid, modulus, exponent), so callers
/// that build a fresh <see cref="VerificationKey"/> per request share it. Providers are never disposed here, so a
/// provider in use is never a disposed one (the bug fixed in d6e5fcf); a full cache is dropped, not disposed.
/// </summary>
internal static class SignatureVerifiers
{
    // Keys come from the trust, the emulator itself and issuers' published key sets, never from tokens; the cap
    // only bounds key rotation over a long run.
    private const int MaxKeys = 256;

    private static readonly ConcurrentDictionary<string, SignatureProvider?> Providers = new(StringComparer.Ordinal);

    // The same key object comes back on every request (key sets are parsed once), so it is looked up by reference
    // first, before a content key is built from its 256-byte modulus.
    private static readonly ConditionalWeakTable<VerificationKey, StrongBox<SignatureProvider?>> ByInstance = new();

    public static SignatureProvider? For(VerificationKey key)
    {
        if (ByInstance.TryGetValue(key, out var held))
        {
            return held.Value;
        }

        var provider = ByContent(key);
        ByInstance.AddOrUpdate(key, new StrongBox<SignatureProvider?>(provider));
        return provider;
    }

    private static SignatureProvider? ByContent(VerificationKey key)
    {
        var id = string.Concat(key.KeyId, "\n", Convert.ToBase64String(key.Parameters.Modulus ?? []), "\n", Convert.ToBase64String(key.Parameters.Exponent ?? []));
        if (Providers.TryGetValue(id, out var known))
        {
            return known;
        }

        if (Providers.Count >= MaxKeys)
        {
            Providers.Clear();
        }

        return Providers.GetOrAdd(id, _ => Create(key));
    }

    private static SignatureProvider? Create(VerificationKey key)
    {
        var securityKey = new RsaSecurityKey(key.Parameters) { KeyId = key.KeyId };
        var factory = new CryptoProviderFactory { CacheSignatureProviders = false };
        try
        {
            return factory.CreateForVerifying(securityKey, SecurityAlgorithms.RsaSha256);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or CryptographicException or InvalidOperationException)
        {
            return null;
        }
    }
}
