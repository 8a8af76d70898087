using System.Text.Json.Nodes;

namespace Keyless.Emulator.Http;

/// <summary>What the host writes back: a status, a JSON body and any extra headers.</summary>
public sealed record EmulatorResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    private static readonly IReadOnlyDictionary<string, string> NoStore =
        new Dictionary<string, string> { ["Cache-Control"] = "no-store", ["Pragma"] = "no-cache" };

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Cut the connection half-way through the body instead of finishing it (a played fault).</summary>
    public bool Drop { get; init; }

    /// <summary>The same response with more headers (paging links, <c>Retry-After</c>).</summary>
    public EmulatorResponse WithHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var all = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            all[name] = value;
        }

        return this with { Headers = all };
    }

    public static EmulatorResponse Json(int status, JsonNode body) => new(status, body.ToJsonString(JsonFormatting.Compact), None);

    /// <summary>Token responses and token errors must not be cached (RFC 6749 §5.1).</summary>
    public static EmulatorResponse Token(int status, JsonNode body) => new(status, body.ToJsonString(JsonFormatting.Compact), NoStore);

    public static EmulatorResponse NotFound(string path) =>
        Json(404, new JsonObject { ["error"] = "not_found", ["error_description"] = $"The emulator serves nothing at {path}." });

    public static EmulatorResponse MethodNotAllowed(string method, string path) =>
        Json(405, new JsonObject { ["error"] = "method_not_allowed", ["error_description"] = $"{method} is not served at {path}." });
}
