using System.Net;
using System.Text;

namespace Keyless.Login.Tests.Infrastructure;

/// <summary>
/// A token endpoint on 127.0.0.1 answering canned responses in order (the last one repeats), for the unit tests of
/// the HTTP client: retries, redirects, bodies that are not JSON. Everything else runs on the emulator.
/// </summary>
public sealed class FakeEndpoint : IDisposable
{
    private readonly List<(int Status, string Body, IReadOnlyDictionary<string, string> Headers)> _answers = [];
    private readonly LoopbackHttpServer _server;

    public FakeEndpoint(params (int Status, string Body)[] answers)
    {
        foreach (var (status, body) in answers)
        {
            _answers.Add((status, body, new Dictionary<string, string>()));
        }

        _server = new LoopbackHttpServer(AnswerAsync);
    }

    public int Port => _server.Port;

    public Uri Url => new(_server.Origin + "/v1/token");

    /// <summary>The request bodies received, in order.</summary>
    public List<string> Requests { get; } = [];

    public FakeEndpoint WithHeader(int index, string name, string value)
    {
        var (status, body, headers) = _answers[index];
        _answers[index] = (status, body, new Dictionary<string, string>(headers) { [name] = value });
        return this;
    }

    public void Dispose() => _server.Dispose();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        lock (Requests)
        {
            Requests.Add(reader.ReadToEnd());
        }

        var (status, body, headers) = _answers[Math.Min(Requests.Count, _answers.Count) - 1];
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/html";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
