using Keyless.Trust.Evaluation.Azure;
using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation.Aws;

/// <summary>
/// One condition ready to evaluate: its operator parsed and its <c>StringLike</c> patterns compiled once. Evaluation
/// follows IAM's rules (docs/aws.md): values OR'd (NOR'd for a negated operator), an absent key false except for
/// negated operators, <c>…IfExists</c> and <c>Null</c>, <c>ForAllValues:</c> true on an absent key.
/// </summary>
public sealed class CompiledAwsCondition
{
    private readonly WildcardPattern[] _patterns;

    public CompiledAwsCondition(AwsCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Condition = condition;
        Operator = AwsConditionOperator.Parse(condition.Operator);
        _patterns = Operator?.Base is AwsStringOperator.StringLike or AwsStringOperator.StringNotLike
            ? [.. condition.Values.Select(v => new WildcardPattern(v))]
            : [];
    }

    public AwsCondition Condition { get; }

    /// <summary>Null when the operator is none Keyless evaluates: the condition's answer is unknown.</summary>
    public AwsConditionOperator? Operator { get; }

    /// <summary>True or false; null when the operator is not evaluated.</summary>
    public bool? Evaluate(IReadOnlyDictionary<string, string[]> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Operator is not { } op)
        {
            return null;
        }

        var present = context.TryGetValue(Condition.Key, out var values) && values.Length > 0;
        if (op.Base == AwsStringOperator.Null)
        {
            // "true" asks for the key to be absent, "false" for it to be present; several values are OR'd.
            return Condition.Values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) ? !present : present);
        }

        switch (op.Qualifier)
        {
            case AwsSetQualifier.ForAllValues:
                // Vacuously true on an absent or empty key: the reason AWS warns against it with single-valued keys.
                return !present || values!.All(v => Holds(op, v));
            case AwsSetQualifier.ForAnyValue:
                return present ? values!.Any(v => Holds(op, v)) : op.IfExists;
            default:
                return present ? values!.All(v => Holds(op, v)) : op.IfExists || op.IsNegated;
        }
    }

    /// <summary>Whether one request value satisfies the operator against the policy's values.</summary>
    private bool Holds(AwsConditionOperator op, string value)
    {
        var matches = op.Base switch
        {
            AwsStringOperator.StringEquals or AwsStringOperator.StringNotEquals =>
                Condition.Values.Contains(value, StringComparer.Ordinal),
            AwsStringOperator.StringEqualsIgnoreCase or AwsStringOperator.StringNotEqualsIgnoreCase =>
                Condition.Values.Contains(value, StringComparer.OrdinalIgnoreCase),
            _ => _patterns.Any(p => p.IsMatch(value)),
        };
        return op.IsNegated ? !matches : matches;
    }
}
