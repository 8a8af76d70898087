using System.Globalization;
using System.Text;

namespace Keyless.Cel.Library;

/// <summary>The type conversions <c>int() uint() double() string() bytes() bool() timestamp() duration() dyn() type()</c>.</summary>
internal static class Conversions
{
    public static CelValue ToInt(CelValue v) => v switch
    {
        CelIntValue => v,
        CelUintValue u => u.Value > long.MaxValue ? CelValue.Error("int overflow") : CelValue.Of((long)u.Value),
        CelDoubleValue d => d.Value > -9.2233720368547758E18 && d.Value < 9.2233720368547758E18
            ? CelValue.Of((long)d.Value)
            : CelValue.Error("int overflow: double out of range"),
        CelStringValue s => long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? CelValue.Of(i)
            : CelValue.Error("cannot convert to int: " + s),
        CelTimestampValue t => CelValue.Of(t.Seconds),
        _ => CelErrorValue.NoOverload("int", v),
    };

    public static CelValue ToUint(CelValue v) => v switch
    {
        CelUintValue => v,
        CelIntValue i => i.Value < 0 ? CelValue.Error("uint overflow") : CelValue.Uint((ulong)i.Value),
        CelDoubleValue d => d.Value > -1 && d.Value < 1.8446744073709552E19
            ? CelValue.Uint((ulong)d.Value)
            : CelValue.Error("uint overflow: double out of range"),
        CelStringValue s => ulong.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
            ? CelValue.Uint(u)
            : CelValue.Error("cannot convert to uint: " + s),
        _ => CelErrorValue.NoOverload("uint", v),
    };

    public static CelValue ToDouble(CelValue v) => v switch
    {
        CelDoubleValue => v,
        CelIntValue i => CelValue.Of((double)i.Value),
        CelUintValue u => CelValue.Of((double)u.Value),
        CelStringValue s => ParseDouble(s.Value),
        _ => CelErrorValue.NoOverload("double", v),
    };

    private static CelValue ParseDouble(string s)
    {
        var lower = s.ToLowerInvariant().TrimStart('+');
        switch (lower)
        {
            case "inf" or "infinity":
                return CelValue.Of(double.PositiveInfinity);
            case "-inf" or "-infinity":
                return CelValue.Of(double.NegativeInfinity);
            case "nan":
                return CelValue.Of(double.NaN);
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !s.Contains('∞', StringComparison.Ordinal)
            ? CelValue.Of(d)
            : CelValue.Error("cannot convert to double: " + s);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static CelValue ToStringValue(CelValue v)
    {
        switch (v)
        {
            case CelStringValue:
                return v;
            case CelIntValue i:
                return CelValue.Of(i.Value.ToString(CultureInfo.InvariantCulture));
            case CelUintValue u:
                return CelValue.Of(u.Value.ToString(CultureInfo.InvariantCulture));
            case CelDoubleValue d:
                return CelValue.Of(CelFormatter.FormatDouble(d.Value));
            case CelBoolValue b:
                return CelValue.Of(b.Value ? "true" : "false");
            case CelBytesValue b:
                try
                {
                    return CelValue.Of(StrictUtf8.GetString(b.Value));
                }
                catch (DecoderFallbackException)
                {
                    return CelValue.Error("invalid UTF-8 in bytes, cannot convert to string");
                }

            case CelTimestampValue t:
                return CelValue.Of(Time.FormatTimestamp(t));
            case CelDurationValue d:
                return CelValue.Of(Time.FormatDuration(d.Nanos));
            default:
                return CelErrorValue.NoOverload("string", v);
        }
    }

    public static CelValue ToBytes(CelValue v) => v switch
    {
        CelBytesValue => v,
        CelStringValue s => new CelBytesValue(Encoding.UTF8.GetBytes(s.Value)),
        _ => CelErrorValue.NoOverload("bytes", v),
    };

    public static CelValue ToBool(CelValue v) => v switch
    {
        CelBoolValue => v,
        CelStringValue { Value: "true" or "True" or "TRUE" or "t" or "1" } => CelValue.True,
        CelStringValue { Value: "false" or "False" or "FALSE" or "f" or "0" } => CelValue.False,
        CelStringValue s => CelValue.Error("cannot convert to bool: " + s),
        _ => CelErrorValue.NoOverload("bool", v),
    };

    public static CelValue ToTimestamp(CelValue v) => v switch
    {
        CelTimestampValue => v,
        CelStringValue s => Time.ParseTimestamp(s.Value),
        CelIntValue i => CelTimestampValue.Create((Int128)i.Value * Time.NanosPerSecond),
        _ => CelErrorValue.NoOverload("timestamp", v),
    };

    public static CelValue ToDuration(CelValue v) => v switch
    {
        CelDurationValue => v,
        CelStringValue s => Time.ParseDuration(s.Value),
        CelIntValue i => CelDurationValue.Create(i.Value),
        _ => CelErrorValue.NoOverload("duration", v),
    };

    public static CelValue TypeOf(CelValue v) => CelTypeValue.Of(v);
}
