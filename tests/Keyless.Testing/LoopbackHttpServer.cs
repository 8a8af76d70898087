using System.Net;
using System.Net.Sockets;

namespace Keyless.Testing;

/// <summary>
/// A plain HTTP server on 127.0.0.1 at a free port that hands each request, one at a time, to a handler. The fakes
/// for remote APIs that cannot run here (GitLab's API, an OIDC issuer, a token endpoint's failures) are built on
/// it, so they differ only in what they answer.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _loop;

    /// <param name="handle">Answers one request and closes its response; an exception ends the server.</param>
    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        Port = FreePort();
        Origin = $"http://127.0.0.1:{Port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string Origin { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // A request still being answered when the listener closed; the test has its answer (or its failure) already.
        }
    }

    private static bool IsTeardown(Exception e) => e is HttpListenerException or ObjectDisposedException or InvalidOperationException;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (IsTeardown(e))
            {
                return;
            }

            await _handle(context);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
