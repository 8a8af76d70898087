using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Keyless.Compare.Sts;

/// <summary>The outcome of a load run: how many requests, how many failed, and the wall time.</summary>
public sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, string? FirstFailure)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public double MicrosecondsPerRequest => Elapsed.TotalMicroseconds / Requests;
}

/// <summary>
/// The one client both servers get: a fixed number of form POSTs over loopback HTTP, a fixed number in flight,
/// on pooled keep-alive connections. Only a 200 counts; anything else is a failure with its body kept.
/// </summary>
public sealed class LoadClient : IDisposable
{
    private static readonly MediaTypeHeaderValue FormContentType = new("application/x-www-form-urlencoded");

    private readonly HttpClient _http;
    private readonly int _concurrency;

    public LoadClient(int concurrency)
    {
        _concurrency = concurrency;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task<LoadResult> RunAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> form, int requests)
    {
        var next = 0;
        var failures = 0;
        string? firstFailure = null;

        // The form is encoded once, as a load generator does: the client's own work is kept small, so that on a
        // machine shared with the server it takes as little from the server as it can (the same for every server).
        byte[] encoded;
        using (var formContent = new FormUrlEncodedContent(form))
        {
            encoded = await formContent.ReadAsByteArrayAsync().ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, _concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= requests)
            {
                using var content = new ByteArrayContent(encoded);
                content.Headers.ContentType = FormContentType;
                using var response = await _http.PostAsync(url, content).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, $"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}", null);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        clock.Stop();
        return new LoadResult(requests, failures, clock.Elapsed, firstFailure);
    }

    public void Dispose() => _http.Dispose();
}
