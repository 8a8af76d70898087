using System.Globalization;
using System.Text;

namespace Keyless.Cel;

/// <summary>Text forms of values: CEL literal display, and <c>string(double)</c> as cel-go prints it.</summary>
internal static class CelFormatter
{
    public static string Display(CelValue value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, CelValue value)
    {
        switch (value)
        {
            case CelStringValue s:
                AppendQuoted(text, s.Value);
                break;
            case CelIntValue i:
                text.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case CelUintValue u:
                text.Append(u.Value.ToString(CultureInfo.InvariantCulture)).Append('u');
                break;
            case CelDoubleValue d:
                text.Append(FormatDouble(d.Value));
                break;
            case CelBoolValue b:
                text.Append(b.Value ? "true" : "false");
                break;
            case CelNullValue:
                text.Append("null");
                break;
            case CelBytesValue b:
                text.Append("b\"");
                foreach (var x in b.Value)
                {
                    if (x is >= 0x20 and < 0x7f and not (byte)'"' and not (byte)'\\')
                    {
                        text.Append((char)x);
                    }
                    else
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\x{x:x2}");
                    }
                }

                text.Append('"');
                break;
            case CelListValue l:
                text.Append('[');
                for (var i = 0; i < l.Items.Length; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Append(text, l.Items[i]);
                }

                text.Append(']');
                break;
            case CelMapValue m:
                text.Append('{');
                for (var i = 0; i < m.Entries.Length; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Append(text, m.Entries[i].Key);
                    text.Append(": ");
                    Append(text, m.Entries[i].Value);
                }

                text.Append('}');
                break;
            case CelTimestampValue t:
                text.Append("timestamp(\"").Append(Time.FormatTimestamp(t)).Append("\")");
                break;
            case CelDurationValue d:
                text.Append("duration(\"").Append(Time.FormatDuration(d.Nanos)).Append("\")");
                break;
            case CelTypeValue t:
                text.Append(t.Name);
                break;
            case CelErrorValue e:
                text.Append("error(").Append(e.Message).Append(')');
                break;
        }
    }

    public static void AppendQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>Go's <c>strconv.FormatFloat(d, 'g', -1, 64)</c>: shortest digits, exponent below 1e-4 or from 1e6.</summary>
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "+Inf" : "-Inf";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0" : "0";
        }

        // "R" gives the shortest round-trip digits; re-lay them out the way Go does.
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var mantissa = shortest;
        var exponent = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointPos = (dot < 0 ? mantissa.Length : dot) + exponent;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..];
        pointPos -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var exp = pointPos - 1;
        var sign = d < 0 ? "-" : string.Empty;
        if (exp < -4 || exp >= 6)
        {
            var m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return sign + m + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("D2", CultureInfo.InvariantCulture);
        }

        if (pointPos <= 0)
        {
            return sign + "0." + new string('0', -pointPos) + digits;
        }

        if (pointPos >= digits.Length)
        {
            return sign + digits + new string('0', pointPos - digits.Length);
        }

        return sign + digits[..pointPos] + "." + digits[pointPos..];
    }
}
