namespace Keyless.Cel.Runtime;

/// <summary>
/// The boolean skeleton of a program (<c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, <c>?:</c>) with a compiled
/// evaluator at each leaf. Tracing evaluates every leaf (CEL has no side effects, and a caller explaining a
/// denial wants every clause's value), then folds them with the same operators as the program.
/// </summary>
internal abstract class TraceNode
{
    public abstract CelValue Evaluate(Frame frame, List<CelClause> clauses, string source);

    public sealed class Leaf(CelExpr expr, Evaluator evaluator) : TraceNode
    {
        public override CelValue Evaluate(Frame frame, List<CelClause> clauses, string source)
        {
            var value = evaluator(frame);
            clauses.Add(new CelClause(source.Substring(expr.Offset, expr.Length), expr.Offset, expr.Length, value));
            return value;
        }
    }

    public sealed class And(TraceNode left, TraceNode right) : TraceNode
    {
        public override CelValue Evaluate(Frame frame, List<CelClause> clauses, string source) =>
            Logic.And(left.Evaluate(frame, clauses, source), right.Evaluate(frame, clauses, source));
    }

    public sealed class Or(TraceNode left, TraceNode right) : TraceNode
    {
        public override CelValue Evaluate(Frame frame, List<CelClause> clauses, string source) =>
            Logic.Or(left.Evaluate(frame, clauses, source), right.Evaluate(frame, clauses, source));
    }

    public sealed class Not(TraceNode operand) : TraceNode
    {
        public override CelValue Evaluate(Frame frame, List<CelClause> clauses, string source) =>
            Logic.Not(operand.Evaluate(frame, clauses, source));
    }

    public sealed class Conditional(TraceNode condition, TraceNode whenTrue, TraceNode whenFalse) : TraceNode
    {
        public override CelValue Evaluate(Frame frame, List<CelClause> clauses, string source)
        {
            var c = condition.Evaluate(frame, clauses, source);
            var t = whenTrue.Evaluate(frame, clauses, source);
            var f = whenFalse.Evaluate(frame, clauses, source);
            return Logic.Conditional(c, t, f);
        }
    }
}
