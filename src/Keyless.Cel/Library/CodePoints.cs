using System.Text;

namespace Keyless.Cel.Library;

/// <summary>
/// CEL counts strings in code points, .NET in UTF-16 units. Most claims have no surrogate pairs, so the
/// conversion is only paid for strings that contain one.
/// </summary>
internal static class CodePoints
{
    public static bool IsSimple(string s) => s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0;

    public static int Count(string s) => IsSimple(s) ? s.Length : s.EnumerateRunes().Count();

    /// <summary>The UTF-16 offset of code point <paramref name="index"/> (may be the length).</summary>
    public static int ToUtf16(string s, long index)
    {
        if (IsSimple(s))
        {
            return (int)index;
        }

        var offset = 0;
        for (var i = 0; i < index; i++)
        {
            offset += char.IsHighSurrogate(s[offset]) && offset + 1 < s.Length ? 2 : 1;
        }

        return offset;
    }

    /// <summary>The code point index of UTF-16 offset <paramref name="offset"/>.</summary>
    public static long FromUtf16(string s, int offset)
    {
        if (IsSimple(s))
        {
            return offset;
        }

        long count = 0;
        for (var i = 0; i < offset; i++)
        {
            if (!char.IsLowSurrogate(s[i]))
            {
                count++;
            }
        }

        return count;
    }

    public static string Reverse(string s)
    {
        var runes = s.EnumerateRunes().ToArray();
        Array.Reverse(runes);
        var text = new StringBuilder(s.Length);
        foreach (var r in runes)
        {
            text.Append(r.ToString());
        }

        return text.ToString();
    }
}
