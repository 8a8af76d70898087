using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Keyless.Trust.Diagnostics;

namespace Keyless.Pull.Http;

/// <summary>
/// The HTTP handler a pull sends through: no automatic redirects (the bearer token would go along to wherever a 30x
/// points), and, with a CA file, servers are trusted against that file's certificates only (a private CA, or the
/// emulator's self-signed certificate).
/// </summary>
public static class TrustedHandler
{
    public static SocketsHttpHandler Create(string? caFile)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (caFile is null)
        {
            return handler;
        }

        X509Certificate2Collection trusted = [];
        try
        {
            trusted.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InputException(caFile, "cannot read the certificate: " + e.Message);
        }

        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is not X509Certificate2 leaf || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(leaf);
        };
        return handler;
    }
}
