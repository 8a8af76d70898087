namespace Keyless.Trust.Model;

/// <summary>
/// One key under one operator of a statement's <c>Condition</c> block: <c>"StringLike": {"gitlab.com:sub": [..]}</c>.
/// The operator is kept as written (<c>ForAnyValue:StringLike</c>, <c>StringEqualsIfExists</c>) and parsed by the
/// evaluator, so an unknown operator is reported rather than dropped.
/// </summary>
public sealed record AwsCondition(string Operator, string Key, IReadOnlyList<string> Values)
{
    public override string ToString() =>
        $"{Operator} {Key} {(Values.Count == 1 ? $"'{Values[0]}'" : "[" + string.Join(", ", Values.Select(v => $"'{v}'")) + "]")}";
}
