using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// Terraform's <c>jsonencode</c>: no whitespace, object keys in lexical order (Terraform's objects and maps are
/// sorted), and <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 written as <c>\u</c> escapes, as its
/// documentation says. A <c>policy_data = jsonencode({…})</c> is then read as the JSON string Terraform would send.
/// </summary>
internal static class TfJsonEncode
{
    public static string Encode(JsonNode? value)
    {
        var text = new StringBuilder();
        var stack = new Stack<object?>();
        stack.Push(value);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case string literal:
                    // Punctuation queued between the members of an object or array.
                    text.Append(literal);
                    break;
                case JsonObject obj:
                    text.Append('{');
                    var members = obj.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
                    stack.Push("}");
                    for (var i = members.Count - 1; i >= 0; i--)
                    {
                        stack.Push(members[i].Value);
                        stack.Push(Quote(members[i].Key) + ":");
                        if (i > 0)
                        {
                            stack.Push(",");
                        }
                    }

                    break;
                case JsonArray array:
                    text.Append('[');
                    stack.Push("]");
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        stack.Push(array[i]);
                        if (i > 0)
                        {
                            stack.Push(",");
                        }
                    }

                    break;
                case JsonValue scalar:
                    text.Append(Scalar(scalar));
                    break;
                case null:
                    text.Append("null");
                    break;
            }
        }

        return text.ToString();
    }

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => Quote(value.GetValue<string>()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number when value.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number when value.TryGetValue<double>(out var d) => d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    private static string Quote(string s)
    {
        var text = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                case < ' ':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: text.Append(c); break;
            }
        }

        return text.Append('"').ToString();
    }
}
