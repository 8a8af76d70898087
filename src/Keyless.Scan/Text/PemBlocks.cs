using System.Text;

namespace Keyless.Scan.Text;

/// <summary>A PEM private-key block: its span, its label and the base64 body with whitespace and escapes removed.</summary>
internal readonly record struct PemBlock(int Start, int End, string Label, string Body);

/// <summary>
/// Finds <c>-----BEGIN … PRIVATE KEY-----</c> … <c>-----END … PRIVATE KEY-----</c> blocks, also when the line
/// breaks are JSON escapes (<c>\n</c>) as in a service-account key file. Linear: one forward pass per marker.
/// </summary>
internal static class PemBlocks
{
    private const string Begin = "-----BEGIN ";
    private const string End = "-----END ";
    private const string Dashes = "-----";
    private const int MaxLabel = 40;

    /// <summary>Bodies shorter than this are placeholders (<c>...</c>, <c>REDACTED</c>), not keys.</summary>
    private const int MinBodyChars = 64;

    public static IEnumerable<PemBlock> Find(string text)
    {
        var ends = new ForwardFinder(text, End);
        var from = 0;
        while (from < text.Length)
        {
            var begin = text.IndexOf(Begin, from, StringComparison.Ordinal);
            if (begin < 0)
            {
                yield break;
            }

            from = begin + Begin.Length;
            var labelStart = begin + Begin.Length;
            var labelEnd = text.IndexOf(Dashes, labelStart, Math.Min(MaxLabel, text.Length - labelStart), StringComparison.Ordinal);
            if (labelEnd < 0)
            {
                continue;
            }

            var label = text[labelStart..labelEnd];
            if (!label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) || !label.All(c => char.IsAsciiLetterUpper(c) || c == ' '))
            {
                continue;
            }

            var bodyStart = labelEnd + Dashes.Length;
            var end = ends.Next(bodyStart);
            if (end < 0)
            {
                yield break;
            }

            var endLabelEnd = text.IndexOf(Dashes, end + End.Length, Math.Min(MaxLabel, text.Length - end - End.Length), StringComparison.Ordinal);
            var blockEnd = endLabelEnd < 0 ? end + End.Length : endLabelEnd + Dashes.Length;
            if (Normalise(text, bodyStart, end) is { } body)
            {
                yield return new PemBlock(begin, blockEnd, label, body);
            }

            from = blockEnd;
        }
    }

    // Keeps the base64 characters; skips whitespace, "\n"-style escapes and RFC 1421 headers of legacy
    // encrypted keys. Mostly non-base64 content means it is not a key body.
    private static string? Normalise(string text, int start, int end)
    {
        var body = new StringBuilder(end - start);
        var other = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < end && text[i + 1] is 'n' or 'r')
            {
                i++;
            }
            else if (Chars.IsBase64(c) || c == '=')
            {
                body.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                other++;
            }
        }

        return body.Length >= MinBodyChars && other * 10 < body.Length ? body.ToString() : null;
    }
}
