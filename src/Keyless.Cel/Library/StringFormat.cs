using System.Globalization;
using System.Numerics;
using System.Text;

namespace Keyless.Cel.Library;

/// <summary>
/// cel-go's <c>"...".format([args])</c> (strings extension): <c>%s %d %f %e %b %o %x %X</c> with an optional
/// precision, <c>%%</c> for a percent sign. Fixed-point rounding is exact, half to even, as Go's.
/// </summary>
internal static class StringFormat
{
    public static CelValue Format(CelValue template, CelValue args)
    {
        if (template is not CelStringValue t || args is not CelListValue list)
        {
            return CelErrorValue.NoOverload("format", template, args);
        }

        var text = new StringBuilder();
        var s = t.Value;
        var next = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '%')
            {
                text.Append(s[i]);
                continue;
            }

            if (++i >= s.Length)
            {
                return CelValue.Error("could not parse formatting clause: missing verb");
            }

            if (s[i] == '%')
            {
                text.Append('%');
                continue;
            }

            int? precision = null;
            if (s[i] == '.')
            {
                var start = ++i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                precision = i == start ? 0 : int.Parse(s.AsSpan(start, Math.Min(i - start, 4)), CultureInfo.InvariantCulture);
                if (i >= s.Length)
                {
                    return CelValue.Error("could not parse formatting clause: missing verb");
                }
            }

            var verb = s[i];
            if ("sdfebxXo".IndexOf(verb, StringComparison.Ordinal) < 0)
            {
                return CelValue.Error($"could not parse formatting clause: unrecognized formatting clause \"{verb}\"");
            }

            if (next >= list.Items.Length)
            {
                return CelValue.Error($"index {next} out of range");
            }

            var formatted = Clause(verb, precision, list.Items[next++]);
            if (formatted.Error is { } error)
            {
                return CelValue.Error("error during formatting: " + error);
            }

            text.Append(formatted.Text);
        }

        return CelValue.Of(text.ToString());
    }

    private static (string? Text, string? Error) Clause(char verb, int? precision, CelValue arg)
    {
        var typeName = arg is CelTypeValue ? "type" : CelTypeValue.Of(arg).Name;
        switch (verb)
        {
            case 's':
                return AsString(arg) is { } str ? (str, null) : (null, "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given " + typeName);
            case 'd':
                return arg switch
                {
                    CelIntValue i => (i.Value.ToString(CultureInfo.InvariantCulture), null),
                    CelUintValue u => (u.Value.ToString(CultureInfo.InvariantCulture), null),
                    CelDoubleValue d when !double.IsFinite(d.Value) => (NonFinite(d.Value), null),
                    _ => (null, "decimal clause can only be used on integers, was given " + typeName),
                };
            case 'f':
                return arg is CelDoubleValue f
                    ? (double.IsFinite(f.Value) ? Fixed(f.Value, precision ?? 6) : NonFinite(f.Value), null)
                    : (null, "fixed-point clause can only be used on doubles, was given " + typeName);
            case 'e':
                return arg is CelDoubleValue e
                    ? (double.IsFinite(e.Value) ? Scientific(e.Value, precision ?? 6) : NonFinite(e.Value), null)
                    : (null, "scientific clause can only be used on doubles, was given " + typeName);
            case 'b':
                return arg switch
                {
                    CelIntValue i => (Radix(i.Value < 0, (ulong)Int128.Abs(i.Value), 2), null),
                    CelUintValue u => (Radix(false, u.Value, 2), null),
                    CelBoolValue b => (b.Value ? "1" : "0", null),
                    _ => (null, "only integers and bools can be formatted as binary, was given " + typeName),
                };
            case 'o':
                return arg switch
                {
                    CelIntValue i => (Radix(i.Value < 0, (ulong)Int128.Abs(i.Value), 8), null),
                    CelUintValue u => (Radix(false, u.Value, 8), null),
                    _ => (null, "octal clause can only be used on integers, was given " + typeName),
                };
            default:
                var hex = arg switch
                {
                    CelIntValue i => (i.Value < 0 ? "-" : string.Empty) + ((ulong)Int128.Abs(i.Value)).ToString("x", CultureInfo.InvariantCulture),
                    CelUintValue u => u.Value.ToString("x", CultureInfo.InvariantCulture),
                    CelStringValue s => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s.Value)),
                    CelBytesValue b => Convert.ToHexStringLower(b.Value),
                    _ => null,
                };
                return hex is null
                    ? (null, "only integers, byte buffers, and strings can be formatted as hex, was given " + typeName)
                    : (verb == 'X' ? hex.ToUpperInvariant() : hex, null);
        }
    }

    private static string NonFinite(double d) => double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";

    private static string Radix(bool negative, ulong magnitude, int radix)
    {
        if (magnitude == 0)
        {
            return "0";
        }

        var digits = new StringBuilder();
        while (magnitude > 0)
        {
            digits.Insert(0, (char)('0' + (int)(magnitude % (ulong)radix)));
            magnitude /= (ulong)radix;
        }

        return (negative ? "-" : string.Empty) + digits;
    }

    private static string? AsString(CelValue v) => v switch
    {
        CelStringValue s => s.Value,
        CelBytesValue b => Encoding.UTF8.GetString(b.Value),
        CelDoubleValue d => double.IsFinite(d.Value) ? CelFormatter.FormatDouble(d.Value) : NonFinite(d.Value),
        CelNullValue => "null",
        CelTypeValue t => t.Name,
        CelListValue l => AsList(l),
        CelMapValue m => AsMap(m),
        CelErrorValue => null,
        _ => Conversions.ToStringValue(v) is CelStringValue s ? s.Value : null,
    };

    private static string? AsList(CelListValue list)
    {
        var parts = new List<string>();
        foreach (var item in list.Items)
        {
            if (AsString(item) is not { } s)
            {
                return null;
            }

            parts.Add(s);
        }

        return "[" + string.Join(", ", parts) + "]";
    }

    private static string? AsMap(CelMapValue map)
    {
        var parts = new List<string>();
        foreach (var (key, value) in map.Entries)
        {
            if (AsString(key) is not { } k || AsString(value) is not { } v)
            {
                return null;
            }

            parts.Add(k + ": " + v);
        }

        parts.Sort(StringComparer.Ordinal);
        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>Exact decimal rounding of a double to <paramref name="places"/> digits, ties to even.</summary>
    private static string Fixed(double d, int places)
    {
        var negative = double.IsNegative(d);
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(d));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        BigInteger scaled;
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, places);
        if (exponent >= 0)
        {
            scaled = numerator << exponent;
        }
        else
        {
            var denominator = BigInteger.One << -exponent;
            scaled = BigInteger.DivRem(numerator, denominator, out var remainder);
            var twice = remainder * 2;
            if (twice > denominator || (twice == denominator && !scaled.IsEven))
            {
                scaled += 1;
            }
        }

        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(places + 1, '0');
        var whole = digits[..^places];
        var body = places == 0 ? whole : whole + "." + digits[^places..];
        return (negative && scaled != 0 ? "-" : string.Empty) + body;
    }

    private static string Scientific(double d, int places)
    {
        var text = d.ToString("E" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return text[..e] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("D2", CultureInfo.InvariantCulture);
    }
}
