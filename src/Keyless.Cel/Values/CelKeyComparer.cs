namespace Keyless.Cel;

/// <summary>Map-key equality: CEL's heterogeneous equality, so <c>{1: 'a'}[1u]</c> and <c>[1.0]</c> find the entry.</summary>
internal sealed class CelKeyComparer : IEqualityComparer<CelValue>
{
    public static readonly CelKeyComparer Instance = new();

    // String keys first: claim maps are keyed by strings and looked up on every field select.
    public bool Equals(CelValue? x, CelValue? y) => x is CelStringValue sx
        ? y is CelStringValue sy && string.Equals(sx.Value, sy.Value, StringComparison.Ordinal)
        : x is not null && y is not null && CelEquality.Equal(x, y) == CelEquality.Result.True;

    public int GetHashCode(CelValue obj) => obj switch
    {
        CelStringValue s => s.Hash,
        CelIntValue i => i.Value.GetHashCode(),
        CelUintValue u => u.Value <= long.MaxValue ? ((long)u.Value).GetHashCode() : u.Value.GetHashCode(),
        CelDoubleValue d => d.Value == Math.Floor(d.Value) && d.Value >= long.MinValue && d.Value < 9.2233720368547758E18
            ? ((long)d.Value).GetHashCode()
            : d.Value == Math.Floor(d.Value) && d.Value >= 0 && d.Value < 1.8446744073709552E19
                ? ((ulong)d.Value).GetHashCode()
                : d.Value.GetHashCode(),
        CelBoolValue b => b.Value ? 1 : 0,
        _ => obj.Type.GetHashCode(),
    };
}
