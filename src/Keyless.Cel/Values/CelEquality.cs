namespace Keyless.Cel;

/// <summary>
/// CEL equality and ordering. Numbers compare by value across int, uint and double (<c>1 == 1.0</c>,
/// <c>1u == 1</c>); values of different kinds are unequal rather than an error.
/// </summary>
internal static class CelEquality
{
    public enum Result
    {
        False,
        True,
        Error,
    }

    public static Result Equal(CelValue a, CelValue b)
    {
        switch (a)
        {
            case CelStringValue sx:
                return b is CelStringValue sy ? Bool(string.Equals(sx.Value, sy.Value, StringComparison.Ordinal)) : Result.False;
            case CelIntValue or CelUintValue or CelDoubleValue:
                return b is CelIntValue or CelUintValue or CelDoubleValue ? Bool(CompareNumbers(a, b) == 0) : Result.False;
            case CelBoolValue bx:
                return b is CelBoolValue by ? Bool(bx.Value == by.Value) : Result.False;
            case CelNullValue:
                return Bool(b is CelNullValue);
            case CelBytesValue yx:
                return b is CelBytesValue yy2 ? Bool(yx.Value.AsSpan().SequenceEqual(yy2.Value)) : Result.False;
            case CelListValue x:
                if (b is not CelListValue ly || x.Items.Length != ly.Items.Length)
                {
                    return Result.False;
                }

                for (var i = 0; i < x.Items.Length; i++)
                {
                    var r = Equal(x.Items[i], ly.Items[i]);
                    if (r != Result.True)
                    {
                        return r;
                    }
                }

                return Result.True;
            case CelMapValue x:
                if (b is not CelMapValue my || x.Count != my.Count)
                {
                    return Result.False;
                }

                foreach (var (key, value) in x.Entries)
                {
                    if (!my.TryGet(key, out var other))
                    {
                        return Result.False;
                    }

                    var r = Equal(value, other);
                    if (r != Result.True)
                    {
                        return r;
                    }
                }

                return Result.True;
            case CelTimestampValue x:
                return b is CelTimestampValue ty ? Bool(x.Nanos == ty.Nanos) : Result.False;
            case CelDurationValue x:
                return b is CelDurationValue dy ? Bool(x.Nanos == dy.Nanos) : Result.False;
            case CelTypeValue x:
                return b is CelTypeValue yy ? Bool(string.Equals(x.Name, yy.Name, StringComparison.Ordinal)) : Result.False;
            default:
                return Result.Error;
        }
    }

    private static Result Bool(bool value) => value ? Result.True : Result.False;

    /// <summary>
    /// -1, 0 or 1 for ordered values of comparable kinds; 2 when unordered (NaN); null when the kinds
    /// have no ordering between them.
    /// </summary>
    public static int? Compare(CelValue a, CelValue b)
    {
        switch (a)
        {
            case CelIntValue or CelUintValue or CelDoubleValue when b is CelIntValue or CelUintValue or CelDoubleValue:
                return CompareNumbers(a, b);
            case CelStringValue x when b is CelStringValue y:
                return Math.Sign(CompareCodePoints(x.Value, y.Value));
            case CelBoolValue x when b is CelBoolValue y:
                return x.Value.CompareTo(y.Value);
            case CelBytesValue x when b is CelBytesValue y:
                return Math.Sign(x.Value.AsSpan().SequenceCompareTo(y.Value));
            case CelTimestampValue x when b is CelTimestampValue y:
                return x.Nanos.CompareTo(y.Nanos);
            case CelDurationValue x when b is CelDurationValue y:
                return x.Nanos.CompareTo(y.Nanos);
            default:
                return null;
        }
    }

    /// <summary>Comparison of two numbers of any numeric kind; 2 when either is NaN.</summary>
    public static int CompareNumbers(CelValue a, CelValue b)
    {
        switch (a, b)
        {
            case (CelIntValue x, CelIntValue y):
                return x.Value.CompareTo(y.Value);
            case (CelUintValue x, CelUintValue y):
                return x.Value.CompareTo(y.Value);
            case (CelDoubleValue x, CelDoubleValue y):
                return double.IsNaN(x.Value) || double.IsNaN(y.Value) ? 2 : x.Value.CompareTo(y.Value);
            case (CelIntValue x, CelUintValue y):
                return x.Value < 0 ? -1 : ((ulong)x.Value).CompareTo(y.Value);
            case (CelUintValue x, CelIntValue y):
                return y.Value < 0 ? 1 : x.Value.CompareTo((ulong)y.Value);
            case (CelDoubleValue x, CelIntValue y):
                return Flip(CompareIntDouble(y.Value, x.Value));
            case (CelIntValue x, CelDoubleValue y):
                return CompareIntDouble(x.Value, y.Value);
            case (CelDoubleValue x, CelUintValue y):
                return Flip(CompareUintDouble(y.Value, x.Value));
            case (CelUintValue x, CelDoubleValue y):
                return CompareUintDouble(x.Value, y.Value);
            default:
                return 2;
        }
    }

    private static int Flip(int c) => c == 2 ? 2 : -c;

    // CEL compares int and double by converting the int to double (lossy above 2^53), as the spec's tests require.
    private static int CompareIntDouble(long i, double d) => double.IsNaN(d) ? 2 : ((double)i).CompareTo(d);

    private static int CompareUintDouble(ulong u, double d) => double.IsNaN(d) ? 2 : ((double)u).CompareTo(d);

    /// <summary>Orders strings by Unicode code point, which UTF-16 ordinal order gets wrong past U+D7FF.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            int x = a[i], y = b[i];
            if (x != y)
            {
                if (x >= 0xD800 && y >= 0xD800)
                {
                    x = x >= 0xE000 ? x - 0x800 : x + 0x2000;
                    y = y >= 0xE000 ? y - 0x800 : y + 0x2000;
                }

                return x - y;
            }
        }

        return a.Length - b.Length;
    }
}
