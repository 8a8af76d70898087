using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>
/// Typed reads from a JSON input that fail as <see cref="InputException"/> naming the file and the JSON path,
/// so a wrong type in a user's file is exit 2 with the place, never a cast exception.
/// </summary>
internal sealed class JsonInput(string file)
{
    public string File { get; } = file;

    public static JsonNode? Parse(string file, string text)
    {
        try
        {
            return ParseFile(text);
        }
        catch (JsonException e)
        {
            throw new InputException(file, "not valid JSON: " + FirstSentence(e.Message),
                (int?)e.LineNumber + 1, (int?)e.BytePositionInLine + 1);
        }
    }

    /// <summary>Parses a file found in a folder: false with the reason when it is not JSON (it is then skipped, not an error).</summary>
    public static bool TryParse(string text, out JsonNode? root, out string why)
    {
        try
        {
            root = ParseFile(text);
            why = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            root = null;
            why = "not valid JSON: " + FirstSentence(e.Message);
            return false;
        }
    }

    public SourceRef Ref(string path) => new(File, path);

    // Input files are kept by hand as often as generated: editor syntax (comments, trailing commas) is JSON here.
    private static JsonNode? ParseFile(string text) => StrictJson.Parse(text, 256, editorSyntax: true);

    public InputException Error(string path, string message) => new(File, message, path: path);

    public static string Child(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name}']";

    public static string Child(string path, int index) => $"{path}[{index}]";

    public JsonObject Object(JsonNode? node, string path) =>
        node as JsonObject ?? throw Error(path, $"expected an object, found {Describe(node)}");

    public JsonArray Array(JsonNode? node, string path) =>
        node as JsonArray ?? throw Error(path, $"expected an array, found {Describe(node)}");

    public JsonObject? OptObject(JsonObject parent, string name, string path) =>
        parent[name] is null ? null : Object(parent[name], Child(path, name));

    /// <summary>A string property; null when absent or JSON null.</summary>
    public string? Str(JsonObject parent, string name, string path)
    {
        var node = parent[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }

        throw Error(Child(path, name), $"expected a string, found {Describe(node)}");
    }

    /// <summary>An id that some APIs send as a number (GitLab's project id): kept as the string GitLab puts in tokens.</summary>
    public string? Id(JsonObject parent, string name, string path) =>
        parent[name] is JsonValue n && n.TryGetValue<long>(out var l)
            ? l.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Str(parent, name, path);

    public string RequireStr(JsonObject parent, string name, string path) =>
        Str(parent, name, path) ?? throw Error(Child(path, name), $"'{name}' is required");

    public bool Bool(JsonObject parent, string name, string path)
    {
        var node = parent[name];
        if (node is null)
        {
            return false;
        }

        if (node is JsonValue v && v.TryGetValue<bool>(out var b))
        {
            return b;
        }

        throw Error(Child(path, name), $"expected true or false, found {Describe(node)}");
    }

    public IReadOnlyList<string> StrList(JsonObject parent, string name, string path)
    {
        var node = parent[name];
        if (node is null)
        {
            return [];
        }

        if (node is JsonValue single && single.TryGetValue<string>(out var one))
        {
            return [one];
        }

        var array = Array(node, Child(path, name));
        var result = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            result.Add(array[i] is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw Error(Child(Child(path, name), i), $"expected a string, found {Describe(array[i])}"));
        }

        return result;
    }

    public Dictionary<string, string> StrMap(JsonObject parent, string name, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (OptObject(parent, name, path) is not { } map)
        {
            return result;
        }

        foreach (var (key, value) in map)
        {
            result[key] = value is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw Error(Child(Child(path, name), key), $"expected a string, found {Describe(value)}");
        }

        return result;
    }

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "a string",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    // System.Text.Json appends its own " Path: … | LineNumber: … | BytePositionInLine: …", zero-based; the
    // InputException already carries the place, one-based, so keep only the reason.
    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
    }
}
