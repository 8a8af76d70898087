using Keyless.Cel.Runtime;

namespace Keyless.Cel;

/// <summary>A compiled expression: parsed and compiled to closures once, evaluated many times, thread-safe.</summary>
public sealed class CelProgram
{
    private readonly Evaluator _root;
    private readonly int _slots;
    private readonly TraceNode _trace;

    internal CelProgram(string source, CelExpr ast, Evaluator root, int slots, TraceNode trace)
    {
        Source = source;
        Ast = ast;
        _root = root;
        _slots = slots;
        _trace = trace;
    }

    public string Source { get; }

    /// <summary>The checked syntax tree, macros expanded.</summary>
    public CelExpr Ast { get; }

    /// <summary>Never throws for a CEL error: the result is then an error value (<see cref="CelValue.IsError"/>).</summary>
    public CelValue Evaluate(CelActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return _root(_slots == 0 ? activation.SharedFrame() : new Frame(activation, _slots));
    }

    /// <summary>The result together with the value of every leaf clause of the boolean structure.</summary>
    public CelTrace EvaluateTraced(CelActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var frame = new Frame(activation, _slots);
        var clauses = new List<CelClause>();
        var result = _trace.Evaluate(frame, clauses, Source);
        return new CelTrace(result, clauses);
    }
}
