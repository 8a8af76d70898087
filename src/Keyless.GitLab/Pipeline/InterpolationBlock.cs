namespace Keyless.GitLab.Pipeline;

/// <summary>
/// One <c>$[[ … ]]</c> block in a string: where it starts, how long it is, and the text between the brackets
/// (<c>inputs.name | function</c>), trimmed.
/// </summary>
internal readonly record struct InterpolationBlock(int Start, int Length, string Data)
{
    public const string Prefix = "$[[";

    /// <summary>
    /// The blocks of <paramref name="text"/> as GitLab's pattern finds them
    /// (<c>\$\[\[\s*(\S.*?\S)\s*\]\]</c>, Interpolation::Template): the data is at least two characters, on one line,
    /// ends at the first <c>]]</c> that allows that. Linear: each candidate end is looked up, not searched for.
    /// </summary>
    public static List<InterpolationBlock> Find(string text)
    {
        var blocks = new List<InterpolationBlock>();
        if (!text.Contains(Prefix, StringComparison.Ordinal))
        {
            return blocks;
        }

        var n = text.Length;

        // For each index: the next "]]" at or after it, the next newline at or after it, and where the run of
        // whitespace that ends just before it starts.
        var nextClose = new int[n + 2];
        var nextNewline = new int[n + 1];
        nextClose[n] = nextClose[n + 1] = n;
        nextNewline[n] = n;
        for (var i = n - 1; i >= 0; i--)
        {
            nextClose[i] = i + 1 < n && text[i] == ']' && text[i + 1] == ']' ? i : nextClose[i + 1];
            nextNewline[i] = text[i] == '\n' ? i : nextNewline[i + 1];
        }

        var spaceRun = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            spaceRun[i + 1] = IsSpace(text[i]) ? spaceRun[i] : i + 1;
        }

        var at = 0;
        while ((at = text.IndexOf(Prefix, at, StringComparison.Ordinal)) >= 0)
        {
            var dataStart = at + Prefix.Length;
            while (dataStart < n && IsSpace(text[dataStart]))
            {
                dataStart++;
            }

            var end = -1;
            var dataEnd = dataStart;
            for (var close = nextClose[Math.Min(dataStart + 1, n)]; close < n; close = nextClose[close + 1])
            {
                dataEnd = Math.Max(spaceRun[close], dataStart);
                if (nextNewline[dataStart] < dataEnd)
                {
                    // Any later "]]" only takes the data further past the newline.
                    break;
                }

                if (dataEnd - dataStart >= 2)
                {
                    end = close + 2;
                    break;
                }
            }

            if (end < 0)
            {
                at++;
                continue;
            }

            blocks.Add(new InterpolationBlock(at, end - at, text[dataStart..dataEnd]));
            at = end;
        }

        return blocks;
    }

    /// <summary>Ruby's and RE2's <c>\s</c>.</summary>
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';
}
