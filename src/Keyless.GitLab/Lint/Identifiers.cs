using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint;

/// <summary>Finds a variable's name as a whole identifier (<c>$NAME</c>, <c>${NAME}</c>, <c>--token-env NAME</c>, <c>os.environ["NAME"]</c>).</summary>
internal static class Identifiers
{
    public static bool Mentions(string text, string name)
    {
        // An empty name (a YAML key may be "") is no identifier, and searching for it would never advance.
        if (name.Length == 0)
        {
            return false;
        }

        var at = 0;
        while ((at = text.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 || !IsIdentifierChar(text[at - 1]);
            var end = at + name.Length;
            var after = end == text.Length || !IsIdentifierChar(text[end]);
            if (before && after)
            {
                return true;
            }

            at = end;
        }

        return false;
    }

    /// <summary>True when any scalar under <paramref name="node"/> (keys included) mentions <paramref name="name"/>.</summary>
    public static bool Mentions(PipelineNode? node, string name) => node.Scalars().Any(s => Mentions(s.Value, name));

    /// <summary>The names a value expands: <c>$NAME</c> and <c>${NAME}</c>.</summary>
    public static IEnumerable<string> References(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != '$')
            {
                continue;
            }

            var start = text[i + 1] == '{' ? i + 2 : i + 1;
            var end = start;
            while (end < text.Length && IsIdentifierChar(text[end]))
            {
                end++;
            }

            if (end > start)
            {
                yield return text[start..end];
            }

            i = end - 1;
        }
    }

    public static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
