namespace Keyless.Cel.Runtime;

/// <summary>
/// The non-strict operators. <c>&amp;&amp;</c> and <c>||</c> are commutative over errors: a false (true) on
/// either side decides, whatever the other side is; only then does an error surface.
/// </summary>
internal static class Logic
{
    public static CelValue And(CelValue left, CelValue r)
    {
        if (left is CelBoolValue { Value: false })
        {
            return left;
        }

        if (r is CelBoolValue { Value: false })
        {
            return r;
        }

        return Combine(left, r, "_&&_");
    }

    public static CelValue Or(CelValue left, CelValue r)
    {
        if (left is CelBoolValue { Value: true })
        {
            return left;
        }

        if (r is CelBoolValue { Value: true })
        {
            return r;
        }

        return Combine(left, r, "_||_");
    }

    /// <summary>Neither side decided: both the neutral bool, or the first error, or a type error.</summary>
    private static CelValue Combine(CelValue left, CelValue right, string op)
    {
        if (left is CelBoolValue && right is CelBoolValue)
        {
            return left;
        }

        if (left.IsError)
        {
            return left;
        }

        if (right.IsError)
        {
            return right;
        }

        return CelErrorValue.NoOverload(op, left, right);
    }

    public static CelValue Not(CelValue value) => value switch
    {
        CelBoolValue b => CelValue.Of(!b.Value),
        CelErrorValue => value,
        _ => CelErrorValue.NoOverload("!_", value),
    };

    public static CelValue NotStrictlyFalse(CelValue value) => value is CelBoolValue { Value: false } ? value : CelValue.True;

    public static CelValue Conditional(CelValue condition, CelValue whenTrue, CelValue whenFalse) => condition switch
    {
        CelBoolValue { Value: true } => whenTrue,
        CelBoolValue => whenFalse,
        CelErrorValue => condition,
        _ => CelErrorValue.NoOverload("_?_:_", condition),
    };
}
