namespace Keyless.Cel.Library;

/// <summary>Arithmetic with CEL's rules: int64 and uint64 overflow is an error, doubles follow IEEE 754.</summary>
internal static class Arithmetic
{
    private static readonly CelValue Overflow = CelValue.Error("integer overflow");
    private static readonly CelValue DivideByZero = CelValue.Error("divide by zero");
    private static readonly CelValue ModulusByZero = CelValue.Error("modulus by zero");

    public static CelValue Add(CelValue a, CelValue b)
    {
        switch (a, b)
        {
            case (CelIntValue x, CelIntValue y):
                var sum = x.Value + y.Value;
                return ((x.Value ^ sum) & (y.Value ^ sum)) < 0 ? Overflow : CelValue.Of(sum);
            case (CelUintValue x, CelUintValue y):
                return x.Value > ulong.MaxValue - y.Value ? Overflow : CelValue.Uint(x.Value + y.Value);
            case (CelDoubleValue x, CelDoubleValue y):
                return CelValue.Of(x.Value + y.Value);
            case (CelStringValue x, CelStringValue y):
                return CelValue.Of(string.Concat(x.Value, y.Value));
            case (CelBytesValue x, CelBytesValue y):
                return new CelBytesValue([.. x.Value, .. y.Value]);
            case (CelListValue x, CelListValue y):
                return y.Items.Length == 0 ? x : x.Items.Length == 0 ? y : new CelListValue([.. x.Items, .. y.Items]);
            case (CelTimestampValue x, CelDurationValue y):
                return CelTimestampValue.Create(x.Nanos + y.Nanos);
            case (CelDurationValue x, CelTimestampValue y):
                return CelTimestampValue.Create(x.Nanos + y.Nanos);
            case (CelDurationValue x, CelDurationValue y):
                return CelDurationValue.Create(x.Nanos + y.Nanos);
            default:
                return CelErrorValue.NoOverload("_+_", a, b);
        }
    }

    public static CelValue Subtract(CelValue a, CelValue b)
    {
        switch (a, b)
        {
            case (CelIntValue x, CelIntValue y):
                var diff = x.Value - y.Value;
                return ((x.Value ^ y.Value) & (x.Value ^ diff)) < 0 ? Overflow : CelValue.Of(diff);
            case (CelUintValue x, CelUintValue y):
                return y.Value > x.Value ? Overflow : CelValue.Uint(x.Value - y.Value);
            case (CelDoubleValue x, CelDoubleValue y):
                return CelValue.Of(x.Value - y.Value);
            case (CelTimestampValue x, CelDurationValue y):
                return CelTimestampValue.Create(x.Nanos - y.Nanos);
            case (CelTimestampValue x, CelTimestampValue y):
                // cel-go keeps the difference in int64 nanoseconds (Go's time.Duration).
                var span = x.Nanos - y.Nanos;
                return span < long.MinValue || span > long.MaxValue ? CelValue.Error("duration out of range") : CelDurationValue.Create(span);
            case (CelDurationValue x, CelDurationValue y):
                return CelDurationValue.Create(x.Nanos - y.Nanos);
            default:
                return CelErrorValue.NoOverload("_-_", a, b);
        }
    }

    public static CelValue Multiply(CelValue a, CelValue b)
    {
        switch (a, b)
        {
            case (CelIntValue x, CelIntValue y):
                var p = (Int128)x.Value * y.Value;
                return p < long.MinValue || p > long.MaxValue ? Overflow : CelValue.Of((long)p);
            case (CelUintValue x, CelUintValue y):
                var q = (UInt128)x.Value * y.Value;
                return q > ulong.MaxValue ? Overflow : CelValue.Uint((ulong)q);
            case (CelDoubleValue x, CelDoubleValue y):
                return CelValue.Of(x.Value * y.Value);
            default:
                return CelErrorValue.NoOverload("_*_", a, b);
        }
    }

    public static CelValue Divide(CelValue a, CelValue b)
    {
        switch (a, b)
        {
            case (CelIntValue x, CelIntValue y):
                return y.Value == 0 ? DivideByZero
                    : x.Value == long.MinValue && y.Value == -1 ? Overflow
                    : CelValue.Of(x.Value / y.Value);
            case (CelUintValue x, CelUintValue y):
                return y.Value == 0 ? DivideByZero : CelValue.Uint(x.Value / y.Value);
            case (CelDoubleValue x, CelDoubleValue y):
                return CelValue.Of(x.Value / y.Value);
            default:
                return CelErrorValue.NoOverload("_/_", a, b);
        }
    }

    public static CelValue Modulo(CelValue a, CelValue b)
    {
        switch (a, b)
        {
            case (CelIntValue x, CelIntValue y):
                return y.Value == 0 ? ModulusByZero
                    : x.Value == long.MinValue && y.Value == -1 ? Overflow
                    : CelValue.Of(x.Value % y.Value);
            case (CelUintValue x, CelUintValue y):
                return y.Value == 0 ? ModulusByZero : CelValue.Uint(x.Value % y.Value);
            default:
                return CelErrorValue.NoOverload("_%_", a, b);
        }
    }

    public static CelValue Negate(CelValue a) => a switch
    {
        CelIntValue x => x.Value == long.MinValue ? Overflow : CelValue.Of(-x.Value),
        CelDoubleValue x => CelValue.Of(-x.Value),
        CelDurationValue x => CelDurationValue.Create(-x.Nanos),
        _ => CelErrorValue.NoOverload("-_", a),
    };
}
