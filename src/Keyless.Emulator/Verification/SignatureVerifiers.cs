using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Keyless.Emulator.Verification;

/// <summary>
/// One RS256 verifying provider per key object, kept as long as the key is: building an RSA key and its provider
/// costs far more than a verification, and every caller holds its keys for longer than a request (the emulator's
/// own keys for the process, a provider's inline JWKS per trust, a fetched key set for its cache lifetime).
/// Providers are never disposed here, so a provider in use is never a disposed one (the bug fixed in d6e5fcf).
/// </summary>
internal static class SignatureVerifiers
{
    private static readonly ConditionalWeakTable<VerificationKey, StrongBox<SignatureProvider?>> Providers = new();

    public static SignatureProvider? For(VerificationKey key) =>
        Providers.GetValue(key, k => new StrongBox<SignatureProvider?>(Create(k))).Value;

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
