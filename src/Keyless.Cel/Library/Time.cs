using System.Globalization;
using System.Text;

namespace Keyless.Cel;

/// <summary>Timestamp and duration text: RFC 3339 in, RFC 3339 out; Go's duration syntax (<c>1h30m</c>, <c>1.5s</c>).</summary>
internal static class Time
{
    public const long NanosPerSecond = 1_000_000_000;

    public static CelValue ParseTimestamp(string text)
    {
        // yyyy-MM-ddTHH:mm:ss[.fffffffff](Z|±HH:MM), as Go's time.RFC3339 accepts it.
        var s = text.AsSpan();
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':'
            || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return CelValue.Error("invalid timestamp: " + text);
        }

        var rest = s[19..];
        long nanos = 0;
        if (rest.Length > 0 && rest[0] == '.')
        {
            var n = 1;
            while (n < rest.Length && char.IsAsciiDigit(rest[n]))
            {
                n++;
            }

            if (n == 1 || n > 10)
            {
                return CelValue.Error("invalid timestamp: " + text);
            }

            var frac = rest[1..n].ToString().PadRight(9, '0');
            nanos = long.Parse(frac, CultureInfo.InvariantCulture);
            rest = rest[n..];
        }

        long offsetSeconds;
        if (rest is "Z" or "z")
        {
            offsetSeconds = 0;
        }
        else if (rest.Length == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':'
                 && Digits(rest.Slice(1, 2), out var oh) && Digits(rest.Slice(4, 2), out var om) && oh < 24 && om < 60)
        {
            offsetSeconds = (rest[0] == '-' ? -1 : 1) * ((oh * 3600) + (om * 60));
        }
        else
        {
            return CelValue.Error("invalid timestamp: " + text);
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return CelValue.Error("timestamp out of range: " + text);
        }

        var days = new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        var seconds = ((long)days * 86400) + (hour * 3600) + (minute * 60) + second - offsetSeconds;
        return CelTimestampValue.Create(((Int128)seconds * NanosPerSecond) + nanos);
    }

    public static string FormatTimestamp(CelTimestampValue ts)
    {
        var seconds = ts.Seconds;
        var date = DateTime.UnixEpoch.AddSeconds(seconds);
        var text = new StringBuilder(date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        AppendFraction(text, ts.NanoOfSecond);
        return text.Append('Z').ToString();
    }

    public static string FormatDuration(Int128 nanos)
    {
        var text = new StringBuilder();
        if (nanos < 0)
        {
            text.Append('-');
            nanos = -nanos;
        }

        text.Append(((long)(nanos / NanosPerSecond)).ToString(CultureInfo.InvariantCulture));
        AppendFraction(text, (int)(nanos % NanosPerSecond));
        return text.Append('s').ToString();
    }

    private static void AppendFraction(StringBuilder text, int nanos)
    {
        if (nanos != 0)
        {
            text.Append('.').Append(nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        }
    }

    /// <summary>Go's <c>time.ParseDuration</c>: a sign, then numbers with units ns, us, µs, ms, s, m, h.</summary>
    public static CelValue ParseDuration(string text)
    {
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return CelDurationValue.Create(0);
        }

        if (s.IsEmpty)
        {
            return CelValue.Error("invalid duration: " + text);
        }

        Int128 total = 0;
        while (!s.IsEmpty)
        {
            var i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var whole = s[..i];
            var fraction = ReadOnlySpan<char>.Empty;
            if (i < s.Length && s[i] == '.')
            {
                var start = ++i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                fraction = s[start..i];
            }

            if (whole.IsEmpty && fraction.IsEmpty)
            {
                return CelValue.Error("invalid duration: " + text);
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            Int128 unit = s[unitStart..i] switch
            {
                "ns" => 1,
                "us" or "µs" or "μs" => 1000,
                "ms" => 1_000_000,
                "s" => NanosPerSecond,
                "m" => 60 * NanosPerSecond,
                "h" => 3600 * NanosPerSecond,
                _ => -1,
            };
            if (unit < 0 || whole.Length > 20)
            {
                return CelValue.Error("invalid duration: " + text);
            }

            total += (whole.IsEmpty ? 0 : Int128.Parse(whole, CultureInfo.InvariantCulture)) * unit;
            Int128 scale = 1;
            foreach (var digit in fraction[..Math.Min(fraction.Length, 30)])
            {
                scale *= 10;
                total += (digit - '0') * unit / scale;
            }

            s = s[i..];
        }

        return CelDurationValue.Create(negative ? -total : total);
    }

    /// <summary>The wall-clock reading of a timestamp in a zone: "UTC", an IANA name, or "±HH:MM".</summary>
    public static DateTimeOffset? InZone(CelTimestampValue ts, string zone)
    {
        var instant = ts.ToDateTimeOffset();
        if (zone.Length > 0 && (zone[0] is '+' or '-' || char.IsAsciiDigit(zone[0])))
        {
            var z = zone.AsSpan();
            var sign = 1;
            if (z[0] is '+' or '-')
            {
                sign = z[0] == '-' ? -1 : 1;
                z = z[1..];
            }

            if (z.Length == 5 && z[2] == ':' && Digits(z[..2], out var h) && Digits(z[3..], out var m) && h < 24 && m < 60)
            {
                return instant.ToOffset(TimeSpan.FromMinutes(sign * ((h * 60) + m)));
            }

            return null;
        }

        try
        {
            var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return TimeZoneInfo.ConvertTime(instant, info);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
