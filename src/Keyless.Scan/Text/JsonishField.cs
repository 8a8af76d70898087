namespace Keyless.Scan.Text;

/// <summary>
/// Reads the value of a <c>"name": "value"</c> pair in JSON or escaped JSON text, without parsing the document
/// (keys turn up pasted into YAML, .env files and escaped strings). Only for non-secret fields.
/// </summary>
internal static class JsonishField
{
    public static string? Read(string text, string name, Func<char, bool> valueChar)
    {
        var at = text.IndexOf("\"" + name + "\"", StringComparison.Ordinal);
        var escaped = false;
        if (at < 0)
        {
            at = text.IndexOf("\\\"" + name + "\\\"", StringComparison.Ordinal);
            escaped = at >= 0;
        }

        if (at < 0)
        {
            return null;
        }

        var i = at + name.Length + (escaped ? 4 : 2);
        var limit = Math.Min(text.Length, i + 8);
        while (i < limit && text[i] is ' ' or ':' or '\\' or '"' or '\t')
        {
            i++;
        }

        var length = Chars.RunLength(text, i, valueChar, 256);
        return length == 0 ? null : text.Substring(i, length);
    }
}
