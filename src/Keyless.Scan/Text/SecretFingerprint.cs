using System.Security.Cryptography;
using System.Text;

namespace Keyless.Scan.Text;

/// <summary>
/// A one-way label for a secret: the first 16 hex digits of its SHA-256, so a report can say "the same key as
/// there" without revealing any of it.
/// </summary>
public static class SecretFingerprint
{
    public static string Of(string secret) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..16];
}
