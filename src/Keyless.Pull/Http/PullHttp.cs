using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Pull.Auth;

namespace Keyless.Pull.Http;

/// <summary>
/// Sends a pull's requests: at most <see cref="PullOptions.MaxConcurrency"/> at once; 429, 408, 5xx, timeouts and
/// dropped connections (also mid-body) retried with doubling, jittered waits, or the wait <c>Retry-After</c> asks for
/// (bounded by <see cref="PullOptions.MaxDelay"/>); a 401 answered once with a fresh token (an expired credential). Every
/// attempt is counted per API. Bodies are read whole and parsed as JSON through the one JSON door; tokens never appear
/// in a failure or a record.
/// </summary>
public sealed class PullHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly PullOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RetryRecord> _retries = new();

    public PullHttp(HttpMessageHandler handler, PullOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("keyless-pull");
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
    }

    /// <summary>The plain client, for credential endpoints (the emulator's reader tokens).</summary>
    public HttpClient Client => _http;

    /// <summary>Requests sent per API, retries included.</summary>
    public IReadOnlyDictionary<string, int> Calls => new SortedDictionary<string, int>(_calls, StringComparer.Ordinal);

    public IReadOnlyList<RetryRecord> Retries => [.. _retries];

    public async Task<PullResponse> SendAsync(string api, HttpMethod method, Uri url, ITokenSource auth, JsonNode? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(auth);
        var raw = await SendRawAsync(api, url.AbsolutePath, async (refresh, token) =>
        {
            var bearer = await auth.GetTokenAsync(refresh, token).ConfigureAwait(false);
            var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            return request;
        }, null, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (raw.Transport is not null)
        {
            return new PullResponse(0, null, raw.Headers, raw.Transport);
        }

        JsonNode? json = null;
        string? parseError = null;
        try
        {
            json = raw.Text.Length == 0 ? null : StrictJson.Parse(raw.Text, 128);
        }
        catch (JsonException e)
        {
            parseError = "the answer is not JSON: " + e.Message;
        }

        if (raw.Status is >= 200 and < 300)
        {
            return new PullResponse(raw.Status, json, raw.Headers, parseError ?? (json is null ? "the answer is empty" : null));
        }

        return new PullResponse(raw.Status, json, raw.Headers, Describe(raw.Status, Words(json), raw.Attempts));
    }

    /// <summary>
    /// Sends one request built by <paramref name="build"/> (called again for each attempt, with <c>true</c> after a 401 to
    /// ask for a fresh credential) and retries as the class says; <paramref name="throttled"/> says whether an answer with
    /// another status (as IAM's HTTP 400 <c>Throttling</c>) asks to slow down, so it is retried too. The body comes back as
    /// text for the caller to parse (JSON, or a Query API's XML). <paramref name="expired"/> says whether an answer other
    /// than 401 means the credential expired (as AWS's 403 <c>ExpiredToken</c>), so it is refreshed once as for a 401.
    /// </summary>
    public async Task<RawResponse> SendRawAsync(string api, string path, Func<bool, CancellationToken, Task<HttpRequestMessage>> build,
                                                Func<int, string, bool>? throttled, Func<int, string, bool>? expired = null,
                                                CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        var refreshed = false;
        var refreshNow = false;
        for (var attempt = 0; ; attempt++)
        {
            using var request = await build(refreshNow, cancellationToken).ConfigureAwait(false);
            refreshNow = false;
            var (status, text, headers, retryAfter, transport) = await AttemptAsync(api, request, cancellationToken).ConfigureAwait(false);
            if ((status == 401 || expired?.Invoke(status, text) == true) && !refreshed)
            {
                // An expired or revoked credential: one fresh token, then the answer stands.
                refreshed = true;
                refreshNow = true;
                _retries.Enqueue(new RetryRecord(api, path, status.ToString(CultureInfo.InvariantCulture) + ", credential refreshed", 0));
                continue;
            }

            var slowDown = throttled?.Invoke(status, text) == true;
            var retryable = transport is not null || slowDown || status is 408 or 429 or >= 500;
            if (retryable && attempt < _options.MaxRetries)
            {
                var wait = retryAfter ?? Backoff(attempt);
                var outcome = transport ?? status.ToString(CultureInfo.InvariantCulture) + (slowDown ? " throttled" : string.Empty);
                _retries.Enqueue(new RetryRecord(api, path, outcome, wait.TotalSeconds));
                await Task.Delay(wait, _options.Time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return new RawResponse(status, text, headers, transport is null ? null : $"{transport} (after {attempt + 1} attempts)", attempt);
        }
    }

    /// <summary>"HTTP 403 Forbidden: WORDS (after N attempts)": how a failed answer is told in pull.json.</summary>
    public static string Describe(int status, string? words, int attempt)
    {
        var retried = attempt > 0 ? $" (after {attempt + 1} attempts)" : string.Empty;
        return $"HTTP {status} {(HttpStatusCode)status}{(words is null ? string.Empty : ": " + words)}{retried}";
    }

    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
    }

    private async Task<(int Status, string Text, IReadOnlyDictionary<string, string> Headers, TimeSpan? RetryAfter, string? Transport)> AttemptAsync(
        string api, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        _calls.AddOrUpdate(api, 1, (_, n) => n + 1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        var answered = false;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            answered = true;
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            return ((int)response.StatusCode, text, headers, RetryAfter(response), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // After the headers, a failure is the connection dropping half-way through the body.
            return (0, string.Empty, Empty, null, (answered ? "connection dropped mid-answer: " : "connection failed: ") + e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, string.Empty, Empty, null, $"no answer within {_options.AttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        finally
        {
            _slots.Release();
        }
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - _options.Time.GetUtcNow() : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, _options.MaxDelay.Ticks)) : null;
    }

    private TimeSpan Backoff(int attempt)
    {
        var doubled = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jittered = doubled * (0.5 + (RandomNumberGenerator.GetInt32(1000) / 1000.0));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, _options.MaxDelay.TotalMilliseconds));
    }

    private static string? Words(JsonNode? body) => body?["error"] switch
    {
        JsonObject e when e["message"] is JsonValue m && m.TryGetValue<string>(out var message) => message,
        JsonValue v when v.TryGetValue<string>(out var oauth) => oauth + (body?["error_description"] is JsonValue d && d.TryGetValue<string>(out var description) ? ": " + description : string.Empty),
        _ => body?["message"] is JsonValue g && g.TryGetValue<string>(out var gitlab) ? gitlab : null,
    };
}
