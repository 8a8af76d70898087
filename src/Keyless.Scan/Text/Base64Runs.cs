using System.Buffers;
using System.Text;

namespace Keyless.Scan.Text;

/// <summary>A run of base64 in a text and what it decodes to as UTF-8 text.</summary>
internal readonly record struct DecodedRun(int Start, int Length, string Text);

/// <summary>
/// Finds base64 runs (standard or URL-safe, wrapped at any width as <c>base64</c> does) long enough to hide a
/// key, and decodes those that decode to text. Users base64-encode key files to make them maskable.
/// </summary>
internal static class Base64Runs
{
    private const int MinChars = 40;

    public static IEnumerable<DecodedRun> Find(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsRunChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsRunChar(text[i]) || (text[i] is '\n' or '\r' && i + 1 < text.Length && (IsRunChar(text[i + 1]) || text[i + 1] == '\n'))))
            {
                i++;
            }

            var padded = i;
            while (padded < text.Length && padded - i < 2 && text[padded] == '=')
            {
                padded++;
            }

            if (Decode(text, start, padded) is { } decoded)
            {
                yield return new DecodedRun(start, padded - start, decoded);
            }

            i = padded;
        }
    }

    private static string? Decode(string text, int start, int end)
    {
        var chars = new StringBuilder(end - start + 3);
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '=')
            {
                continue;
            }

            chars.Append(c switch { '-' => '+', '_' => '/', _ => c });
        }

        if (chars.Length < MinChars || chars.Length % 4 == 1)
        {
            return null;
        }

        chars.Append('=', (4 - (chars.Length % 4)) % 4);
        var bytes = ArrayPool<byte>.Shared.Rent(chars.Length);
        try
        {
            if (!Convert.TryFromBase64String(chars.ToString(), bytes, out var written))
            {
                return null;
            }

            return LooksLikeText(bytes.AsSpan(0, written)) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Keys are JSON or PEM: printable ASCII and line breaks. Binary (a DER body, random bytes) is not rescanned.
    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        var printable = 0;
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7f or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                printable++;
            }
        }

        return bytes.Length > 0 && printable * 100 >= bytes.Length * 97;
    }

    private static bool IsRunChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_';
}
