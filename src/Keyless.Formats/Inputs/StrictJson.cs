using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs;

/// <summary>
/// JSON from outside (input files, tokens, request and response bodies), parsed so that no two readers can see it
/// differently and no later read can throw: a member name given twice is refused (parsers disagree on which one
/// wins), and so is a string with an escaped unpaired UTF-16 surrogate (<c>\uD800</c> alone), which System.Text.Json
/// accepts at parse time and then throws <see cref="InvalidOperationException"/> for wherever the string is first
/// read. Every refusal is a <see cref="JsonException"/>, the one exception callers catch.
/// </summary>
public static class StrictJson
{
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    /// <param name="editorSyntax">
    /// Accept what editors write into JSON files people keep by hand (VS Code's "JSON with comments"): comments and a
    /// trailing comma. Only for files, never for protocol bodies.
    /// </param>
    public static JsonDocumentOptions Options(int maxDepth, bool editorSyntax = false) => new()
    {
        MaxDepth = maxDepth,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = editorSyntax,
        CommentHandling = editorSyntax ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
    };

    /// <exception cref="JsonException">The text is not JSON, or is JSON that is refused (see the class).</exception>
    public static JsonNode? Parse(string text, int maxDepth, bool editorSyntax = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var node = Guarded(() => JsonNode.Parse(text, documentOptions: Options(maxDepth, editorSyntax)));

        // Only an escape can make a lone surrogate (the text itself is well-formed UTF-16 or was decoded as such).
        return text.Contains("\\u", StringComparison.Ordinal) ? ReadAllText(node) : node;
    }

    /// <exception cref="JsonException">The bytes are not UTF-8, not JSON, or JSON that is refused (see the class).</exception>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        // System.Text.Json checks a string's UTF-8 only when the string is read; a decoder that replaced bad bytes
        // with U+FFFD would read a value nobody wrote.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw new JsonException("the text is not UTF-8");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, documentOptions: Options(maxDepth));
        }
        catch (InvalidOperationException)
        {
            throw LoneSurrogate();
        }

        return utf8.IndexOf("\\u"u8) >= 0 ? ReadAllText(node) : node;
    }

    /// <summary>As <see cref="Parse(string, int, bool)"/>, as a <see cref="JsonDocument"/> for readers of elements.</summary>
    /// <exception cref="JsonException">The text is not JSON, or is JSON that is refused (see the class).</exception>
    public static JsonDocument ParseDocument(string text, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = Guarded(() => JsonDocument.Parse(text, Options(maxDepth)));
        if (!text.Contains("\\u", StringComparison.Ordinal))
        {
            return document;
        }

        try
        {
            var pending = new Stack<JsonElement>();
            pending.Push(document.RootElement);
            while (pending.Count > 0)
            {
                var element = pending.Pop();
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var member in element.EnumerateObject())
                        {
                            _ = member.Name;
                            pending.Push(member.Value);
                        }

                        break;
                    case JsonValueKind.Array:
                        foreach (var item in element.EnumerateArray())
                        {
                            pending.Push(item);
                        }

                        break;
                    case JsonValueKind.String:
                        _ = element.GetString();
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            document.Dispose();
            throw LoneSurrogate();
        }

        return document;
    }

    // The duplicate-name check reads every member name at parse time, so an escaped lone surrogate in a name throws
    // there already.
    private static T Guarded<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (InvalidOperationException)
        {
            throw LoneSurrogate();
        }
    }

    private static JsonException LoneSurrogate() =>
        new("a string holds an escaped unpaired UTF-16 surrogate (\\uD800-\\uDFFF alone)");

    // Reads every member name and string once, without recursion, so a lone surrogate is refused here.
    private static JsonNode? ReadAllText(JsonNode? root)
    {
        try
        {
            var pending = new Stack<JsonNode?>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case JsonObject o:
                        foreach (var (_, child) in o)
                        {
                            pending.Push(child);
                        }

                        break;
                    case JsonArray a:
                        foreach (var child in a)
                        {
                            pending.Push(child);
                        }

                        break;
                    case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                        _ = v.GetValue<string>();
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            throw LoneSurrogate();
        }

        return root;
    }
}
