namespace Keyless.Cel.Library;

/// <summary>The relational operators, <c>in</c> and indexing.</summary>
internal static class Comparison
{
    public static CelValue Equal(CelValue a, CelValue b) => CelEquality.Equal(a, b) switch
    {
        CelEquality.Result.True => CelValue.True,
        CelEquality.Result.False => CelValue.False,
        _ => CelErrorValue.NoOverload("_==_", a, b),
    };

    public static CelValue NotEqual(CelValue a, CelValue b) => CelEquality.Equal(a, b) switch
    {
        CelEquality.Result.True => CelValue.False,
        CelEquality.Result.False => CelValue.True,
        _ => CelErrorValue.NoOverload("_!=_", a, b),
    };

    public static Func<CelValue, CelValue, CelValue> Relation(string op, Func<int, bool> accept) => (a, b) =>
        CelEquality.Compare(a, b) switch
        {
            null => CelErrorValue.NoOverload(op, a, b),
            2 => CelValue.False,
            var c => CelValue.Of(accept(c.Value)),
        };

    public static CelValue In(CelValue element, CelValue container)
    {
        switch (container)
        {
            case CelListValue list:
                foreach (var item in list.Items)
                {
                    if (CelEquality.Equal(element, item) == CelEquality.Result.True)
                    {
                        return CelValue.True;
                    }
                }

                return CelValue.False;
            case CelMapValue map:
                return element.Type is CelType.Bool or CelType.Int or CelType.Uint or CelType.String or CelType.Double
                    ? CelValue.Of(map.TryGet(element, out _))
                    : CelErrorValue.NoOverload("@in", element, container);
            default:
                return CelErrorValue.NoOverload("@in", element, container);
        }
    }

    public static CelValue Index(CelValue container, CelValue index)
    {
        switch (container)
        {
            case CelListValue list:
                long i;
                switch (index)
                {
                    case CelIntValue x:
                        i = x.Value;
                        break;
                    case CelUintValue x:
                        i = x.Value > long.MaxValue ? -1 : (long)x.Value;
                        break;
                    case CelDoubleValue x when x.Value == Math.Floor(x.Value) && Math.Abs(x.Value) < 9.2e18:
                        i = (long)x.Value;
                        break;
                    case CelDoubleValue:
                        return CelValue.Error("unsupported index value: " + index);
                    default:
                        return CelErrorValue.NoOverload("_[_]", container, index);
                }

                return i >= 0 && i < list.Items.Length
                    ? list.Items[i]
                    : CelValue.Error($"index out of bounds: {i}");
            case CelMapValue map:
                if (index.Type is not (CelType.Bool or CelType.Int or CelType.Uint or CelType.String or CelType.Double))
                {
                    return CelErrorValue.NoOverload("_[_]", container, index);
                }

                return map.TryGet(index, out var v) ? v : CelValue.Error("no such key: " + index);
            default:
                return CelErrorValue.NoOverload("_[_]", container, index);
        }
    }
}
