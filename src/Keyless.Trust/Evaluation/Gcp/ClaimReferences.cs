namespace Keyless.Trust.Evaluation.Gcp;

/// <summary>Finds the claims a CEL source reads as <c>assertion.NAME</c> or <c>assertion['NAME']</c>, for messages.</summary>
internal static class ClaimReferences
{
    public static IReadOnlyList<string> In(string source)
    {
        var found = new List<string>();
        var index = 0;
        while ((index = source.IndexOf("assertion", index, StringComparison.Ordinal)) >= 0)
        {
            var start = index + "assertion".Length;
            index = start;
            if (start < source.Length && source[start] == '.')
            {
                var end = start + 1;
                while (end < source.Length && (char.IsAsciiLetterOrDigit(source[end]) || source[end] == '_'))
                {
                    end++;
                }

                Add(found, source[(start + 1)..end]);
            }
            else if (start + 2 < source.Length && source[start] == '[' && source[start + 1] is '\'' or '"')
            {
                var quote = source[start + 1];
                var close = source.IndexOf(quote, start + 2);
                if (close > start + 2)
                {
                    Add(found, source[(start + 2)..close]);
                }
            }
        }

        return found;
    }

    private static void Add(List<string> found, string name)
    {
        if (name.Length > 0 && !found.Contains(name))
        {
            found.Add(name);
        }
    }
}
