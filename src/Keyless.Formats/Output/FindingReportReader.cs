using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// Reads the per-identity <c>findings[]</c> of a keyless JSON report (<c>--format json</c>) back into findings: the
/// baseline of <c>--baseline</c> and the shard reports of <c>keyless merge</c>. Anything else is bad input (exit 2)
/// naming the file and the JSON path.
/// </summary>
public static class FindingReportReader
{
    public static IReadOnlyList<Finding> Read(string file) => ReadReport(file).Findings;

    /// <summary>The findings and, for a shard report, its <c>shard</c> part (null otherwise).</summary>
    public static (IReadOnlyList<Finding> Findings, ShardPart? Shard) ReadReport(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        JsonNode? root;
        try
        {
            using var stream = File.OpenRead(file);
            root = JsonNode.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InputException(file, $"not a keyless JSON report: {e.Message}", (int?)e.LineNumber + 1, (int?)e.BytePositionInLine + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, $"cannot read: {e.Message}");
        }

        if (root is not JsonObject report || report["findings"] is not JsonArray items || report["version"]?.GetValueKind() != JsonValueKind.Number)
        {
            throw new InputException(file, "not a keyless JSON report (keyless … --format json): no \"version\" and \"findings\"");
        }

        var findings = new List<Finding>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            findings.Add(ReadFinding(file, $"$.findings[{i}]", items[i]));
        }

        return (findings, report["shard"] is null ? null : ReadShard(file, report["shard"], findings.Count));
    }

    private static ShardPart ReadShard(string file, JsonNode? node, int findings)
    {
        if (node is JsonObject shard
            && shard["index"] is JsonValue indexValue && indexValue.TryGetValue<int>(out var index)
            && shard["count"] is JsonValue countValue && countValue.TryGetValue<int>(out var count)
            && index >= 1 && index <= count
            && shard["positions"] is JsonArray positions && positions.Count == findings)
        {
            var list = new long[positions.Count];
            for (var i = 0; i < list.Length; i++)
            {
                list[i] = positions[i] is JsonValue p && p.TryGetValue<long>(out var position) && position >= 0
                    ? position
                    : throw new InputException(file, "a position must be a number of 0 or more", path: $"$.shard.positions[{i}]");
            }

            return new ShardPart(index, count, list);
        }

        throw new InputException(file, "shard must have index and count (1 <= index <= count) and one position per finding", path: "$.shard");
    }

    private static Finding ReadFinding(string file, string path, JsonNode? node)
    {
        if (node is not JsonObject item || item["location"] is not JsonObject location)
        {
            throw new InputException(file, "a finding must be an object with a location", path: path);
        }

        var severityText = Text(file, path + ".severity", item["severity"]);
        var confidenceText = Text(file, path + ".confidence", item["confidence"]);
        var personaText = Optional(file, path + ".persona", item["persona"]);
        if (!SeverityNames.TryParse(severityText, out var severity))
        {
            throw new InputException(file, $"unknown severity '{severityText}'", path: path + ".severity");
        }

        var confidence = Enum.GetValues<Confidence>().FirstOrDefault(c => c.ToWire() == confidenceText, (Confidence)(-1));
        if (confidence == (Confidence)(-1))
        {
            throw new InputException(file, $"unknown confidence '{confidenceText}'", path: path + ".confidence");
        }

        Persona? persona = null;
        if (personaText is not null)
        {
            var known = Enum.GetValues<Persona>().Where(p => p.ToWire() == personaText).ToArray();
            persona = known.Length == 1 ? known[0] : throw new InputException(file, $"unknown persona '{personaText}'", path: path + ".persona");
        }

        int? line = location["line"] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<int>(out var number) => number,
            _ => throw new InputException(file, "line must be a number or null", path: path + ".location.line"),
        };

        return new Finding
        {
            Id = Text(file, path + ".id", item["id"]),
            Severity = severity,
            Confidence = confidence,
            Persona = persona,
            Identity = Optional(file, path + ".identity", item["identity"]),
            Message = Text(file, path + ".message", item["message"]),
            Witness = item["witness"] switch
            {
                null => null,
                JsonObject witness => (JsonObject)witness.DeepClone(),
                _ => throw new InputException(file, "witness must be an object or null", path: path + ".witness"),
            },
            Fix = Text(file, path + ".fix", item["fix"]),
            Location = new FindingLocation(Text(file, path + ".location.file", location["file"]), line,
                                           Optional(file, path + ".location.path", location["path"])),
        };
    }

    private static string Text(string file, string path, JsonNode? node) =>
        Optional(file, path, node) ?? throw new InputException(file, "missing", path: path);

    private static string? Optional(string file, string path, JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw new InputException(file, "must be a string", path: path),
    };
}
