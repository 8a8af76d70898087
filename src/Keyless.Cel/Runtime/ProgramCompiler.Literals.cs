using Keyless.Cel.Library;

namespace Keyless.Cel.Runtime;

/// <summary>
/// Calls with a literal operand, the shape of nearly every clause of a GCP condition (<c>assertion.ref ==
/// 'main'</c>, <c>assertion.sub.startsWith('project_path:')</c>, <c>x in ['a', 'b']</c>, <c>size(x) &lt; 128</c>).
/// Each node decides the common case (a string, or an int) directly and hands every other operand to the
/// general function with the same arguments, so the value, error included, is the one the general path gives.
/// </summary>
internal sealed partial class ProgramCompiler
{
    private Evaluator? WithLiteral(CelCall call)
    {
        var operands = call.Target is null ? call.Args : [call.Target, .. call.Args];
        if (operands.Count != 2)
        {
            return null;
        }

        var (left, right) = (operands[0], operands[1]);
        switch (call.Function)
        {
            case CelOperators.Equal or CelOperators.NotEqual when right is CelConst { Value: CelStringValue literal }:
                return StringEquality(Node(left), literal, call.Function == CelOperators.Equal, literalFirst: false);
            case CelOperators.Equal or CelOperators.NotEqual when left is CelConst { Value: CelStringValue literal }:
                return StringEquality(Node(right), literal, call.Function == CelOperators.Equal, literalFirst: true);
            case CelOperators.In when ConstantOf(right) is CelListValue list && list.Items.All(i => i is CelStringValue):
                return InStringList(Node(left), list);
            case CelOperators.In when left is CelConst { Value: CelStringValue literal }:
                return StringIn(literal, Node(right));
            case CelOperators.Less or CelOperators.LessEquals or CelOperators.Greater or CelOperators.GreaterEquals
                when right is CelConst { Value: CelIntValue bound }:
                return IntRelation(Node(left), call.Function, bound);
            case "startsWith" or "endsWith" or "contains" when right is CelConst { Value: CelStringValue literal }:
                return StringTest(Node(left), call.Function, literal);
            case "matches" when right is CelConst { Value: CelStringValue pattern }:
                var s = Node(left);
                var matcher = Re2.Cached(pattern.Value);
                return f => StringFunctions.Matches(s(f), matcher);
            default:
                return null;
        }
    }

    private static Evaluator StringEquality(Evaluator operand, CelStringValue literal, bool equal, bool literalFirst)
    {
        var text = literal.Value;
        var general = Functions.Binary(equal ? CelOperators.Equal : CelOperators.NotEqual, false)!;
        return f => operand(f) switch
        {
            CelStringValue s => CelValue.Of(string.Equals(s.Value, text, StringComparison.Ordinal) == equal),
            CelErrorValue e => e,
            var other => literalFirst ? general(literal, other) : general(other, literal),
        };
    }

    private static Evaluator InStringList(Evaluator element, CelListValue list)
    {
        var texts = list.Items.Select(i => ((CelStringValue)i).Value).ToArray();
        var set = texts.Length > 8 ? new HashSet<string>(texts, StringComparer.Ordinal) : null;
        return f => element(f) switch
        {
            CelStringValue s => CelValue.Of(set?.Contains(s.Value) ?? Holds(texts, s.Value)),
            CelErrorValue e => e,
            var other => Comparison.In(other, list),
        };
    }

    private static bool Holds(string[] texts, string text)
    {
        foreach (var t in texts)
        {
            if (string.Equals(t, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Evaluator StringIn(CelStringValue literal, Evaluator container)
    {
        var text = literal.Value;
        return f => container(f) switch
        {
            CelListValue list => CelValue.Of(ListHoldsString(list, text)),
            CelErrorValue e => e,
            var other => Comparison.In(literal, other),
        };
    }

    /// <summary>CEL equality of a string with anything else is false, so only string items can match.</summary>
    private static bool ListHoldsString(CelListValue list, string text)
    {
        foreach (var item in list.Items)
        {
            if (item is CelStringValue s && string.Equals(s.Value, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Evaluator IntRelation(Evaluator operand, string op, CelIntValue bound)
    {
        var general = Functions.Binary(op, false)!;
        var b = bound.Value;
        return op switch
        {
            CelOperators.Less => f => operand(f) switch { CelIntValue i => CelValue.Of(i.Value < b), var v => Strict(v, bound, general) },
            CelOperators.LessEquals => f => operand(f) switch { CelIntValue i => CelValue.Of(i.Value <= b), var v => Strict(v, bound, general) },
            CelOperators.Greater => f => operand(f) switch { CelIntValue i => CelValue.Of(i.Value > b), var v => Strict(v, bound, general) },
            _ => f => operand(f) switch { CelIntValue i => CelValue.Of(i.Value >= b), var v => Strict(v, bound, general) },
        };
    }

    private static Evaluator StringTest(Evaluator operand, string function, CelStringValue literal)
    {
        var general = Functions.Binary(function, true)!;
        var text = literal.Value;
        return function switch
        {
            "startsWith" => f => operand(f) switch { CelStringValue s => CelValue.Of(s.Value.StartsWith(text, StringComparison.Ordinal)), var v => Strict(v, literal, general) },
            "endsWith" => f => operand(f) switch { CelStringValue s => CelValue.Of(s.Value.EndsWith(text, StringComparison.Ordinal)), var v => Strict(v, literal, general) },
            _ => f => operand(f) switch { CelStringValue s => CelValue.Of(s.Value.Contains(text, StringComparison.Ordinal)), var v => Strict(v, literal, general) },
        };
    }

    /// <summary>The general path of a strict function whose second argument is a literal.</summary>
    private static CelValue Strict(CelValue value, CelValue literal, Func<CelValue, CelValue, CelValue> general) =>
        value.IsError ? value : general(value, literal);
}
