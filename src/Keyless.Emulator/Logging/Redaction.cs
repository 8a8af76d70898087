using System.Text;

namespace Keyless.Emulator.Logging;

/// <summary>
/// A last line of defence for the log: anything shaped like a JWT (<c>eyJ…</c> with two dots) or a Google access
/// token (<c>ya29.…</c>) is replaced. Reasons are built from claim values and should never carry one, but a claim
/// value is attacker-chosen text, and a token pasted into a claim must not come back out in the log.
/// </summary>
public static class Redaction
{
    public const string Redacted = "[redacted]";

    public static string Scrub(string text)
    {
        if (!text.Contains("eyJ", StringComparison.Ordinal) && !text.Contains("ya29.", StringComparison.Ordinal))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsRunChar(text[i]))
            {
                output.Append(text[i]);
                i++;
                continue;
            }

            var end = i;
            var dots = 0;
            while (end < text.Length && IsRunChar(text[end]))
            {
                dots += text[end] == '.' ? 1 : 0;
                end++;
            }

            var start = TokenStart(text, i, end, dots);
            output.Append(text, i, start - i);
            if (start < end)
            {
                output.Append(Redacted);
            }

            i = end;
        }

        return output.ToString();
    }

    // Where the first token in the run [from, to) starts, or `to` when none does. A token may be glued to other
    // token characters ("x-eyJ…", "feature_ya29.…"), so every position counts as a start, not only the run's first;
    // it then runs to the end of the run. Linear: the run is walked once to count dots and once here.
    private static int TokenStart(string text, int from, int to, int dots)
    {
        for (var p = from; p < to; p++)
        {
            if (text[p] == '.')
            {
                dots--;
            }
            else if ((dots >= 2 && string.CompareOrdinal(text, p, "eyJ", 0, 3) == 0)
                || (string.CompareOrdinal(text, p, "ya29.", 0, 5) == 0))
            {
                return p;
            }
        }

        return to;
    }

    private static bool IsRunChar(char c) => IsTokenChar(c) || c == '.';

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
