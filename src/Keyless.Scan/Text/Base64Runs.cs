using System.Buffers;
using System.Runtime.CompilerServices;
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

    private static readonly SearchValues<char> RunChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    // A scan is one short process: the hot loops are compiled optimized at once rather than run at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<DecodedRun> Find(string text)
    {
        var runs = new List<DecodedRun>();
        var i = 0;
        while (i < text.Length)
        {
            // Vectorized skips: most of a text is short words, and only runs of MinChars or more can hide a key.
            var next = text.AsSpan(i).IndexOfAny(RunChars);
            if (next < 0)
            {
                break;
            }

            var start = i + next;
            i = RunEnd(text, start);
            var padded = i;
            while (padded < text.Length && padded - i < 2 && text[padded] == '=')
            {
                padded++;
            }

            if (padded - start >= MinChars && Decode(text, start, padded) is { } decoded)
            {
                runs.Add(new DecodedRun(start, padded - start, decoded));
            }

            i = padded;
        }

        return runs;
    }

    // A run goes on across a line break when the next line starts with a run character (or is another break).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RunEnd(string text, int start)
    {
        var i = start;
        while (true)
        {
            var stop = text.AsSpan(i).IndexOfAnyExcept(RunChars);
            if (stop < 0)
            {
                return text.Length;
            }

            i += stop;
            if (text[i] is '\n' or '\r' && i + 1 < text.Length && (RunChars.Contains(text[i + 1]) || text[i + 1] == '\n'))
            {
                i++;
                continue;
            }

            return i;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Decode(string text, int start, int end)
    {
        var chars = ArrayPool<char>.Shared.Rent(end - start + 3);
        var bytes = ArrayPool<byte>.Shared.Rent(end - start + 3);
        try
        {
            var length = 0;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c is '\n' or '\r' or '=')
                {
                    continue;
                }

                chars[length++] = c switch { '-' => '+', '_' => '/', _ => c };
            }

            if (length < MinChars || length % 4 == 1)
            {
                return null;
            }

            while (length % 4 != 0)
            {
                chars[length++] = '=';
            }

            if (!Convert.TryFromBase64Chars(chars.AsSpan(0, length), bytes, out var written))
            {
                return null;
            }

            return LooksLikeText(bytes.AsSpan(0, written)) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Keys are JSON or PEM: printable ASCII and line breaks. Binary (a DER body, random bytes) is not rescanned.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
}
