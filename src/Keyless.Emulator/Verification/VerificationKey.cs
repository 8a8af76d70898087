using System.Security.Cryptography;

namespace Keyless.Emulator.Verification;

/// <summary>One trusted RSA public key, named by its <c>kid</c>.</summary>
public sealed record VerificationKey(string KeyId, RSAParameters Parameters);
