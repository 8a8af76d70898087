using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Verification;

/// <summary>
/// <c>GET {issuer}/.well-known/openid-configuration</c>, then its <c>jwks_uri</c>, with a timeout, a size cap and a
/// short cache. Only ever called for issuers the loaded trust names, never for a URL taken from a token.
/// </summary>
public sealed class OidcJwksFetcher : IJwksFetcher
{
    public const int MaxDocumentBytes = 1024 * 1024;

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, KeySetResult Keys)> _cache = new(StringComparer.Ordinal);

    public OidcJwksFetcher(HttpClient http, TimeProvider time)
    {
        _http = http;
        _time = time;
    }

    public async Task<KeySetResult> FetchAsync(string issuer, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(issuer, out var cached) && now - cached.At < CacheFor)
        {
            return cached.Keys;
        }

        var result = await FetchUncachedAsync(issuer, cancellationToken).ConfigureAwait(false);
        if (result.Error is null)
        {
            _cache[issuer] = (now, result);
        }

        return result;
    }

    /// <summary>
    /// The issuer's JWKS document as published (discovery, then its <c>jwks_uri</c>), or why it cannot be had: for
    /// callers that verify with their own JWKS reader. The same caps and checks as <see cref="FetchAsync"/>, no cache.
    /// </summary>
    public async Task<(string? Json, string? Source, string? Error)> FetchDocumentAsync(string issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var discoveryUrl = IssuerPolicy.Normalize(issuer) + "/.well-known/openid-configuration";
        var discovery = await GetAsync(discoveryUrl, cancellationToken).ConfigureAwait(false);
        if (discovery.Error is not null)
        {
            return (null, null, discovery.Error);
        }

        string? jwksUri;
        try
        {
            jwksUri = StrictJson.Parse(discovery.Body!, 64)?["jwks_uri"] is JsonValue uri && uri.TryGetValue<string>(out var text) ? text : null;
        }
        catch (JsonException e)
        {
            return (null, null, $"{discoveryUrl} is not an OIDC discovery document: {e.Message}");
        }

        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var jwks) || (jwks.Scheme != Uri.UriSchemeHttps && jwks.Scheme != Uri.UriSchemeHttp))
        {
            return (null, null, $"{discoveryUrl} has no http(s) jwks_uri");
        }

        var keys = await GetAsync(jwks.AbsoluteUri, cancellationToken).ConfigureAwait(false);
        return (keys.Body, jwks.AbsoluteUri, keys.Error);
    }

    private async Task<KeySetResult> FetchUncachedAsync(string issuer, CancellationToken cancellationToken)
    {
        var (json, source, error) = await FetchDocumentAsync(issuer, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return KeySetResult.Unavailable(error);
        }

        var (parsed, parseError) = JwksParser.Parse(json!);
        return parseError is null ? new KeySetResult(parsed, null) : KeySetResult.Unavailable($"{source}: {parseError}");
    }

    private async Task<(string? Body, string? Error)> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await _http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"GET {url} answered HTTP {(int)response.StatusCode}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxDocumentBytes)
                {
                    return (null, $"GET {url} returned more than {MaxDocumentBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return (System.Text.Encoding.UTF8.GetString(buffer.ToArray()), null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or UriFormatException)
        {
            return (null, $"GET {url} failed: {e.Message}");
        }
    }
}
