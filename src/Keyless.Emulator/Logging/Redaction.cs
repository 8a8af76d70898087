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
            var end = TokenEnd(text, i);
            if (end > i)
            {
                output.Append(Redacted);
                i = end;
            }
            else
            {
                output.Append(text[i]);
                i++;
            }
        }

        return output.ToString();
    }

    // The end of a token starting at i, or i when none starts there. Linear: each position is scanned once per start,
    // and starts are only where "eyJ" or "ya29." begins after a non-token character.
    private static int TokenEnd(string text, int i)
    {
        if (i > 0 && IsTokenChar(text[i - 1]))
        {
            return i;
        }

        var jwt = string.CompareOrdinal(text, i, "eyJ", 0, 3) == 0;
        var google = string.CompareOrdinal(text, i, "ya29.", 0, 5) == 0;
        if (!jwt && !google)
        {
            return i;
        }

        var end = i;
        var dots = 0;
        while (end < text.Length && (IsTokenChar(text[end]) || text[end] == '.'))
        {
            dots += text[end] == '.' ? 1 : 0;
            end++;
        }

        return (jwt && dots >= 2) || google ? end : i;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
