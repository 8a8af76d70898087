using System.Net;
using System.Text;
using Keyless.Emulator;
using Keyless.Emulator.Http;

namespace Keyless.Testing;

/// <summary>
/// An HttpClient handler that hands each request to an <see cref="EmulatorCore"/> in this process, as the ASP.NET Core
/// host would (the path decoded except <c>%2F</c>, a query value given twice joined with a comma, the caller on this
/// machine), so a client runs against the emulator with no socket. A response the core marks as dropped is cut half-way
/// through its body, as the host cuts the connection.
/// </summary>
public sealed class EmulatorHandler(EmulatorCore core) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri!;
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var answer = await core.HandleAsync(new EmulatorRequest
        {
            Method = request.Method.Method,
            Path = Decode(uri.AbsolutePath),
            Query = QueryOf(uri.Query),
            ContentType = request.Content?.Headers.ContentType?.ToString(),
            Body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken),
            Authorization = request.Headers.Authorization?.ToString(),
            Headers = headers,
            BaseUrl = $"{uri.Scheme}://{uri.Authority}",
            FromLoopback = true,
        }, cancellationToken);

        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = answer.Drop ? new StreamContent(new DroppedStream(bytes[..(bytes.Length / 2)])) : new ByteArrayContent(bytes),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", EmulatorResponse.JsonContentType);
        foreach (var (name, value) in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    // Kestrel's PathString: percent-escapes decoded, except an escaped slash, which stays in its segment.
    private static string Decode(string path) =>
        string.Join("%2F", path.Split(["%2F", "%2f"], StringSplitOptions.None).Select(Uri.UnescapeDataString));

    private static Dictionary<string, string> QueryOf(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            values[name] = values.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        }

        return values;
    }

    /// <summary>A body that ends with a broken connection after the bytes it has.</summary>
    private sealed class DroppedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("The response ended prematurely (connection dropped by the emulator's fault).");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("The response ended prematurely (connection dropped by the emulator's fault).");
        }
    }
}
