using System.Text.Json.Nodes;

namespace Keyless.Emulator.Logging;

/// <summary>
/// Writes one line per decision, as text for people or JSON for machines. Every string passes through
/// <see cref="Redaction"/> on the way out.
/// </summary>
public sealed class DecisionLog
{

    private readonly TextWriter _output;
    private readonly LogFormat _format;
    private readonly Lock _gate = new();

    public DecisionLog(TextWriter output, LogFormat format)
    {
        _output = output;
        _format = format;
    }

    /// <summary>A log that drops everything, for callers that only want the HTTP answers.</summary>
    public static DecisionLog Null { get; } = new(TextWriter.Null, LogFormat.Text);

    public void Write(Decision decision)
    {
        var line = _format == LogFormat.Json ? ToJson(decision) : ToText(decision);
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    public static string ToText(Decision decision)
    {
        var head = $"{decision.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {(decision.Allowed ? "ALLOW" : "DENY ")} {decision.Endpoint}";
        if (decision.Identity is not null)
        {
            head += " " + decision.Identity;
        }

        if (decision.Error is not null)
        {
            head += $": {decision.Error}: {decision.Description}";
        }

        // The head already carries the cloud's words; reasons that only repeat them are not printed twice.
        var cloudWords = $"{decision.Error}: {decision.Description}";
        var lines = new List<string> { Redaction.Scrub(head) };
        lines.AddRange(decision.Reasons.Where(r => r != cloudWords).Select(r => "    " + Redaction.Scrub(r)));
        return string.Join(Environment.NewLine, lines);
    }

    public static string ToJson(Decision decision)
    {
        var json = new JsonObject
        {
            ["time"] = decision.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["endpoint"] = decision.Endpoint,
            ["decision"] = decision.Allowed ? "allow" : "deny",
            ["identity"] = Scrub(decision.Identity),
            ["error"] = Scrub(decision.Error),
            ["error_description"] = Scrub(decision.Description),
            ["reasons"] = new JsonArray([.. decision.Reasons.Select(r => (JsonNode?)Redaction.Scrub(r))]),
        };
        return json.ToJsonString(JsonFormatting.Compact);
    }

    private static string? Scrub(string? text) => text is null ? null : Redaction.Scrub(text);
}
