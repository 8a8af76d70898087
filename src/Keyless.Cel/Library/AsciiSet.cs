using System.Numerics;

namespace Keyless.Cel.Library;

/// <summary>A set of ASCII characters as a 128-bit mask: the character sets of <see cref="FlatPattern"/>.</summary>
internal readonly record struct AsciiSet(ulong Low, ulong High)
{
    public static AsciiSet Of(char c) => Range(c, c);

    public static AsciiSet Range(char first, char last)
    {
        ulong low = 0, high = 0;
        for (int c = first; c <= last && c < 128; c++)
        {
            if (c < 64)
            {
                low |= 1UL << c;
            }
            else
            {
                high |= 1UL << (c - 64);
            }
        }

        return new AsciiSet(low, high);
    }

    /// <summary>False for every non-ASCII character, which no set here holds.</summary>
    public bool Contains(char c) => c < 64 ? ((Low >> c) & 1) != 0 : c < 128 && ((High >> (c - 64)) & 1) != 0;

    /// <summary>The one character of a single-character set, or null.</summary>
    public char? Single()
    {
        var count = BitOperations.PopCount(Low) + BitOperations.PopCount(High);
        return count != 1 ? null : (char)(Low != 0 ? BitOperations.TrailingZeroCount(Low) : 64 + BitOperations.TrailingZeroCount(High));
    }

    public bool Overlaps(AsciiSet other) => ((Low & other.Low) | (High & other.High)) != 0;

    public static AsciiSet operator |(AsciiSet a, AsciiSet b) => new(a.Low | b.Low, a.High | b.High);
}
