using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Keyless.Trust.Diagnostics;

namespace Keyless.Login.Http;

/// <summary>
/// The one HTTP client of the login commands: bounded timeouts, no redirects (a redirect would carry the token
/// to another host), bounded response size, a few retries on throttling and server errors, and optionally
/// an extra trust anchor from a PEM file (the emulator's self-signed certificate, a private CA).
/// </summary>
public sealed class LoginHttpClient : IDisposable
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    public const int MaxResponseBytes = 1024 * 1024;
    public const int MaxAttempts = 3;

    private static readonly HttpStatusCode[] Transient =
    [
        HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout,
    ];

    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly X509Certificate2Collection? _anchors;

    public LoginHttpClient(TimeProvider time, string? caFile = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _anchors = caFile is null ? null : LoadAnchors(caFile);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        if (_anchors is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = ValidateWithAnchors;
        }

        _client = new HttpClient(handler) { Timeout = RequestTimeout, MaxResponseContentBufferSize = MaxResponseBytes };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("keyless-login/1");
    }

    /// <summary>Sends the request built by <paramref name="build"/> (called once per attempt).</summary>
    public async Task<HttpOutcome> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        HttpOutcome outcome = new(0, string.Empty, null);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            using var request = build();
            try
            {
                using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                outcome = new HttpOutcome((int)response.StatusCode, body, null);
                if (!Transient.Contains(response.StatusCode))
                {
                    return outcome;
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
            {
                // A TLS failure does not heal by retrying.
                return new HttpOutcome(0, string.Empty,
                    $"TLS with {request.RequestUri?.GetLeftPart(UriPartial.Authority)} failed: {e.InnerException.Message}"
                    + (_anchors is null ? " If the endpoint uses a private or self-signed certificate, pass it with --ca-file." : string.Empty));
            }
            catch (HttpRequestException e)
            {
                outcome = new HttpOutcome(0, string.Empty, $"cannot reach {request.RequestUri?.GetLeftPart(UriPartial.Authority)}: {e.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = new HttpOutcome(0, string.Empty, $"{request.RequestUri?.GetLeftPart(UriPartial.Authority)} did not answer within {RequestTimeout.TotalSeconds:0} s");
            }

            if (attempt < MaxAttempts)
            {
                var delay = retryAfter is { } r && r > TimeSpan.Zero && r <= TimeSpan.FromSeconds(10) ? r : TimeSpan.FromSeconds(attempt);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return outcome;
    }

    public void Dispose()
    {
        _client.Dispose();
        if (_anchors is not null)
        {
            foreach (var anchor in _anchors)
            {
                anchor.Dispose();
            }
        }
    }

    private static X509Certificate2Collection LoadAnchors(string caFile)
    {
        var anchors = new X509Certificate2Collection();
        try
        {
            anchors.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InputException(caFile, "cannot read the CA certificate (--ca-file): " + e.Message);
        }

        if (anchors.Count == 0)
        {
            throw new InputException(caFile, "holds no PEM certificate (-----BEGIN CERTIFICATE-----) for --ca-file");
        }

        return anchors;
    }

    // The system's roots still count; the anchors are added, never substituted. Host name errors stay fatal.
    private bool ValidateWithAnchors(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_anchors!);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }
}
