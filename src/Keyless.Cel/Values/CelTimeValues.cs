using System.Text.Json.Nodes;

namespace Keyless.Cel;

/// <summary>A point in time with nanosecond precision, 0001-01-01 to 9999-12-31 UTC as in protobuf.</summary>
internal sealed class CelTimestampValue : CelValue
{
    public const long MinSeconds = -62135596800;
    public const long MaxSeconds = 253402300799;

    private CelTimestampValue(Int128 nanos) => Nanos = nanos;

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public Int128 Nanos { get; }

    public long Seconds => (long)Int128.DivRem(Nanos, Time.NanosPerSecond).Quotient - (Nanos < 0 && Nanos % Time.NanosPerSecond != 0 ? 1 : 0);

    public int NanoOfSecond => (int)(Nanos - ((Int128)Seconds * Time.NanosPerSecond));

    public override CelType Type => CelType.Timestamp;

    public static CelValue Create(Int128 nanos) =>
        nanos < (Int128)MinSeconds * Time.NanosPerSecond || nanos >= ((Int128)MaxSeconds + 1) * Time.NanosPerSecond
            ? Error("timestamp out of range")
            : new CelTimestampValue(nanos);

    public DateTimeOffset ToDateTimeOffset() => DateTimeOffset.UnixEpoch.AddTicks((long)(Nanos / 100) - (Nanos < 0 && Nanos % 100 != 0 ? 1 : 0));

    public override JsonNode? ToJson() => JsonValue.Create(Time.FormatTimestamp(this));
}

/// <summary>A signed span with nanosecond precision, within protobuf's range of ±10,000 years.</summary>
internal sealed class CelDurationValue : CelValue
{
    private CelDurationValue(Int128 nanos) => Nanos = nanos;

    public Int128 Nanos { get; }

    public override CelType Type => CelType.Duration;

    public const long MaxSeconds = 315576000000;

    public static CelValue Create(Int128 nanos) =>
        Int128.Abs(nanos) >= ((Int128)MaxSeconds + 1) * Time.NanosPerSecond
            ? Error("duration out of range")
            : new CelDurationValue(nanos);

    public override JsonNode? ToJson() => JsonValue.Create(Time.FormatDuration(Nanos));
}
