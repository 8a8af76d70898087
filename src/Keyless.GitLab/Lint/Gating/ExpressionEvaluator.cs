using System.Text.RegularExpressions;

namespace Keyless.GitLab.Lint.Gating;

/// <summary>
/// Evaluates a CI/CD expression over <see cref="ScenarioValue"/>s. A comparison with an attacker-chosen value is
/// <see cref="Truth.Choosable"/> unless the value can never be that (a branch named like the protected default
/// branch); a regex against a known value runs with a non-backtracking engine (GitLab uses RE2, also linear). In an
/// expression read from a value that still holds an unfilled <c>$[[ inputs.name ]]</c> block, text holding such a
/// block is unknown, not the literal it reads as.
/// </summary>
internal static class ExpressionEvaluator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public static Truth Evaluate(CiExpression expression, Func<string, ScenarioValue> lookup, bool unfilledBlocks = false) => expression switch
    {
        CiExpression.And and => TruthLogic.And(Evaluate(and.Left, lookup, unfilledBlocks), Evaluate(and.Right, lookup, unfilledBlocks)),
        CiExpression.Or or => TruthLogic.Or(Evaluate(or.Left, lookup, unfilledBlocks), Evaluate(or.Right, lookup, unfilledBlocks)),
        CiExpression.Compare { Operator: "==" } c => Equal(Value(c.Left, lookup, unfilledBlocks), Value(c.Right, lookup, unfilledBlocks)),
        CiExpression.Compare { Operator: "!=" } c => TruthLogic.Not(Equal(Value(c.Left, lookup, unfilledBlocks), Value(c.Right, lookup, unfilledBlocks))),
        CiExpression.Compare { Operator: "=~" } c => Match(Value(c.Left, lookup, unfilledBlocks), c.Right),
        CiExpression.Compare { Operator: "!~" } c => TruthLogic.Not(Match(Value(c.Left, lookup, unfilledBlocks), c.Right)),
        CiExpression.Variable v => Truthy(lookup(v.Name)),
        CiExpression.Text t when unfilledBlocks && Unfilled(t) => Truth.Unknown,
        CiExpression.Text t => TruthLogic.Of(t.Value.Length > 0),
        CiExpression.Null => Truth.False,
        _ => Truth.Unknown,
    };

    private static bool Unfilled(CiExpression.Text text) => text.Value.Contains(Pipeline.InterpolationBlock.Prefix, StringComparison.Ordinal);

    private static ScenarioValue Value(CiExpression operand, Func<string, ScenarioValue> lookup, bool unfilledBlocks) => operand switch
    {
        CiExpression.Variable v => lookup(v.Name),
        CiExpression.Text t when unfilledBlocks && Unfilled(t) => new ScenarioValue.Unknown(),
        CiExpression.Text t => new ScenarioValue.Known(t.Value),
        CiExpression.Null => new ScenarioValue.Unset(),
        _ => new ScenarioValue.Unknown(),
    };

    private static Truth Truthy(ScenarioValue value) => value switch
    {
        ScenarioValue.Unset => Truth.False,
        ScenarioValue.Known k => TruthLogic.Of(k.Value.Length > 0),
        ScenarioValue.Chosen or ScenarioValue.Opaque => Truth.True,
        _ => Truth.Unknown,
    };

    private static Truth Equal(ScenarioValue a, ScenarioValue b) => (a, b) switch
    {
        (ScenarioValue.Unknown, _) or (_, ScenarioValue.Unknown) => Truth.Unknown,
        (ScenarioValue.Unset, ScenarioValue.Unset) => Truth.True,
        (ScenarioValue.Unset, _) or (_, ScenarioValue.Unset) => Truth.False,
        (ScenarioValue.Known x, ScenarioValue.Known y) => TruthLogic.Of(x.Value == y.Value),
        (ScenarioValue.Known x, ScenarioValue.Chosen c) => c.Excluded.Contains(x.Value) ? Truth.False : Truth.Choosable,
        (ScenarioValue.Chosen c, ScenarioValue.Known x) => c.Excluded.Contains(x.Value) ? Truth.False : Truth.Choosable,
        (ScenarioValue.Chosen x, ScenarioValue.Chosen y) => x.Id == y.Id ? Truth.True : Truth.Choosable,
        (ScenarioValue.Opaque x, ScenarioValue.Opaque y) => TruthLogic.Of(x.Id == y.Id),
        _ => Truth.Unknown,
    };

    private static Truth Match(ScenarioValue value, CiExpression pattern)
    {
        if (pattern is not CiExpression.Pattern regex)
        {
            return value is ScenarioValue.Unset ? Truth.False : Truth.Unknown;
        }

        switch (value)
        {
            case ScenarioValue.Unset:
                return Truth.False;
            case ScenarioValue.Chosen:
                return Truth.Choosable;
            case ScenarioValue.Known known:
                try
                {
                    var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (regex.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
                    return TruthLogic.Of(new Regex(regex.Source, options, RegexTimeout).IsMatch(known.Value));
                }
                catch (ArgumentException)
                {
                    return Truth.Unknown;
                }
                catch (NotSupportedException)
                {
                    return Truth.Unknown;
                }
                catch (RegexMatchTimeoutException)
                {
                    return Truth.Unknown;
                }

            default:
                return Truth.Unknown;
        }
    }
}
