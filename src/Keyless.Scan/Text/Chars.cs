namespace Keyless.Scan.Text;

/// <summary>ASCII character classes for the hand-written matchers.</summary>
internal static class Chars
{
    public static bool IsAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    public static bool IsBase64(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/';

    public static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    public static bool IsWordish(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary>Length of the run of <paramref name="accept"/> characters starting at <paramref name="start"/>.</summary>
    public static int RunLength(string text, int start, Func<char, bool> accept, int max = int.MaxValue)
    {
        var i = start;
        while (i < text.Length && i - start < max && accept(text[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>Every index of <paramref name="needle"/> (ordinal, case-insensitive), left to right, non-overlapping.</summary>
    public static IEnumerable<int> IndexesOf(string text, string needle)
    {
        var from = 0;
        while (from <= text.Length - needle.Length)
        {
            var at = text.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                yield break;
            }

            yield return at;
            from = at + needle.Length;
        }
    }
}
