namespace Keyless.Trust.Evaluation.Aws;

/// <summary>
/// A condition operator as IAM reads its name: an optional set qualifier (<c>ForAnyValue:</c>, <c>ForAllValues:</c>),
/// the base operator, and an optional <c>IfExists</c> suffix. Operator names are matched as IAM spells them.
/// </summary>
public sealed record AwsConditionOperator(AwsSetQualifier Qualifier, AwsStringOperator Base, bool IfExists)
{
    private static readonly Dictionary<string, AwsStringOperator> Bases = new(StringComparer.Ordinal)
    {
        ["StringEquals"] = AwsStringOperator.StringEquals,
        ["StringNotEquals"] = AwsStringOperator.StringNotEquals,
        ["StringEqualsIgnoreCase"] = AwsStringOperator.StringEqualsIgnoreCase,
        ["StringNotEqualsIgnoreCase"] = AwsStringOperator.StringNotEqualsIgnoreCase,
        ["StringLike"] = AwsStringOperator.StringLike,
        ["StringNotLike"] = AwsStringOperator.StringNotLike,
        ["Null"] = AwsStringOperator.Null,
    };

    /// <summary>Negated operators hold when no policy value matches (values are NOR'd) and when the key is absent.</summary>
    public bool IsNegated => Base is AwsStringOperator.StringNotEquals or AwsStringOperator.StringNotEqualsIgnoreCase or AwsStringOperator.StringNotLike;

    /// <summary>The operator, or null when it is none Keyless evaluates (numeric, date, ARN, IP operators never apply to a token's claims).</summary>
    public static AwsConditionOperator? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var qualifier = AwsSetQualifier.None;
        var rest = name;
        if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            qualifier = AwsSetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }
        else if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            qualifier = AwsSetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }

        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal) && rest != "Null";
        if (ifExists)
        {
            rest = rest[..^"IfExists".Length];
        }

        if (!Bases.TryGetValue(rest, out var op) || (op == AwsStringOperator.Null && (ifExists || qualifier != AwsSetQualifier.None)))
        {
            return null;
        }

        return new AwsConditionOperator(qualifier, op, ifExists);
    }
}

public enum AwsSetQualifier
{
    None,
    ForAnyValue,
    ForAllValues,
}

public enum AwsStringOperator
{
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    Null,
}
