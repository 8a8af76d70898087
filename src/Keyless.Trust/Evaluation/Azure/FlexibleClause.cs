namespace Keyless.Trust.Evaluation.Azure;

/// <summary>One <c>claims['NAME'] eq|matches 'VALUE'</c> clause of a flexible credential expression.</summary>
public sealed record FlexibleClause(string Claim, string Operator, string Value, string Source)
{
    private WildcardPattern? _pattern;

    public WildcardPattern Pattern => _pattern ??= new WildcardPattern(Value);

    public bool IsMatch(string? claimValue) => claimValue is not null
        && (Operator == "eq" ? string.Equals(claimValue, Value, StringComparison.Ordinal) : Pattern.IsMatch(claimValue));
}
