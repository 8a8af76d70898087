using System.Diagnostics;
using System.Net;
using System.Text;

namespace Keyless.Compare.Sts;

/// <summary>The outcome of a load run: how many requests, how many failed, and the wall time.</summary>
public sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, string? FirstFailure)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public double MicrosecondsPerRequest => Elapsed.TotalMicroseconds / Requests;
}

/// <summary>
/// The one client both servers get: a fixed number of form POSTs over loopback HTTP/1.1, a fixed number in flight,
/// each on its own keep-alive connection (<see cref="Http1Connection"/>). Only a 200 counts; anything else is a
/// failure with its body kept.
/// </summary>
public sealed class LoadClient
{
    private readonly int _concurrency;

    public LoadClient(int concurrency)
    {
        _concurrency = concurrency;
    }

    public LoadResult Run(Uri url, IReadOnlyList<KeyValuePair<string, string>> form, int requests)
    {
        ArgumentNullException.ThrowIfNull(url);
        var request = Encode(url, form);
        var connections = Enumerable.Range(0, _concurrency).Select(_ => new Http1Connection(url.Host, url.Port)).ToArray();
        try
        {
            // Connected before the clock starts: the run measures exchanges, not handshakes.
            foreach (var connection in connections)
            {
                connection.Connect();
            }

            var next = 0;
            var failures = 0;
            string? firstFailure = null;
            Exception? broken = null;

            // One thread per connection, blocking on its socket: the kernel wakes the thread when the answer is
            // there, with no event loop or thread-pool hop between (cheaper for the client than async I/O).
            var threads = connections.Select(connection => new Thread(() =>
            {
                try
                {
                    while (Interlocked.Increment(ref next) <= requests)
                    {
                        var response = connection.Send(request);
                        if (response.Status != (int)HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref failures);
                            Interlocked.CompareExchange(ref firstFailure, $"HTTP {response.Status}: {Encoding.UTF8.GetString(response.Body.Span)}", null);
                        }
                    }
                }
                catch (Exception e) when (e is System.Net.Sockets.SocketException or InvalidOperationException)
                {
                    Interlocked.CompareExchange(ref broken, e, null);
                }
            })
            { IsBackground = true, Name = "load" }).ToArray();
            var clock = Stopwatch.StartNew();
            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            clock.Stop();
            if (broken is not null)
            {
                throw new InvalidOperationException($"{url}: the load client's connection failed: {broken.Message}", broken);
            }

            return new LoadResult(requests, failures, clock.Elapsed, firstFailure);
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    // The whole request, encoded once, as a load generator does: the same bytes go out for every exchange.
    private static byte[] Encode(Uri url, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var body = string.Join('&', form.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var head = $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\n"
            + $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {Encoding.ASCII.GetByteCount(body)}\r\n\r\n";
        return Encoding.ASCII.GetBytes(head + body);
    }
}
