namespace Keyless.Cel.Library;

/// <summary>The timestamp and duration accessors (<c>getFullYear</c>, <c>getHours</c>, …), with an optional time zone.</summary>
internal static class TimeFunctions
{
    public static Func<CelValue, CelValue> Accessor(string name) => v => Get(name, v, null);

    public static Func<CelValue, CelValue, CelValue> ZonedAccessor(string name) => (v, zone) =>
        zone is CelStringValue z ? Get(name, v, z.Value) : CelErrorValue.NoOverload(name, v, zone);

    private static CelValue Get(string name, CelValue value, string? zone)
    {
        if (value is CelDurationValue d && zone is null)
        {
            return name switch
            {
                "getHours" => CelValue.Of((long)(d.Nanos / (3600 * Time.NanosPerSecond))),
                "getMinutes" => CelValue.Of((long)(d.Nanos / (60 * Time.NanosPerSecond))),
                "getSeconds" => CelValue.Of((long)(d.Nanos / Time.NanosPerSecond)),
                "getMilliseconds" => CelValue.Of((long)(d.Nanos % Time.NanosPerSecond / 1_000_000)),
                _ => CelErrorValue.NoOverload(name, value),
            };
        }

        if (value is not CelTimestampValue ts)
        {
            return CelErrorValue.NoOverload(name, value);
        }

        var local = zone is null ? ts.ToDateTimeOffset() : Time.InZone(ts, zone);
        if (local is not { } t)
        {
            return CelValue.Error("unknown time zone: " + zone);
        }

        return name switch
        {
            "getFullYear" => CelValue.Of(t.Year),
            "getMonth" => CelValue.Of(t.Month - 1),
            "getDate" => CelValue.Of(t.Day),
            "getDayOfMonth" => CelValue.Of(t.Day - 1),
            "getDayOfYear" => CelValue.Of(t.DayOfYear - 1),
            "getDayOfWeek" => CelValue.Of((int)t.DayOfWeek),
            "getHours" => CelValue.Of(t.Hour),
            "getMinutes" => CelValue.Of(t.Minute),
            "getSeconds" => CelValue.Of(t.Second),
            "getMilliseconds" => CelValue.Of(ts.NanoOfSecond / 1_000_000),
            _ => CelErrorValue.NoOverload(name, value),
        };
    }
}
