namespace Keyless.Cel;

/// <summary>
/// A node of the CEL syntax tree, shaped like cel-go's so the red-team can read it. Every node has an id,
/// unique within one parse, and its source span (UTF-16 offset and length into <see cref="CelProgram.Source"/>).
/// Macros are already expanded: <c>has()</c> is a test-only <see cref="CelSelect"/>, the others are
/// <see cref="CelComprehension"/> nodes.
/// </summary>
public abstract record CelExpr(long Id, int Offset, int Length);

/// <summary>A literal: int, uint, double, string, bytes, bool or null.</summary>
public sealed record CelConst(long Id, int Offset, int Length, CelValue Value) : CelExpr(Id, Offset, Length);

/// <summary>A name: a variable, a comprehension variable or a type name (<c>int</c>, <c>string</c>, …).</summary>
public sealed record CelIdent(long Id, int Offset, int Length, string Name) : CelExpr(Id, Offset, Length);

/// <summary><c>operand.field</c>, or <c>has(operand.field)</c> when <paramref name="TestOnly"/> is set.</summary>
public sealed record CelSelect(long Id, int Offset, int Length, CelExpr Operand, string Field, bool TestOnly)
    : CelExpr(Id, Offset, Length);

/// <summary>
/// A function or operator call. Operators use cel-go's names: <c>_&amp;&amp;_</c>, <c>_||_</c>, <c>!_</c>,
/// <c>-_</c>, <c>_==_</c>, <c>_!=_</c>, <c>_&lt;_</c>, <c>_&lt;=_</c>, <c>_&gt;_</c>, <c>_&gt;=_</c>,
/// <c>@in</c>, <c>_[_]</c>, <c>_?_:_</c>, <c>_+_</c>, <c>_-_</c>, <c>_*_</c>, <c>_/_</c>, <c>_%_</c>.
/// A member call (<c>s.startsWith('a')</c>) has the receiver as <paramref name="Target"/>.
/// </summary>
public sealed record CelCall(long Id, int Offset, int Length, CelExpr? Target, string Function, IReadOnlyList<CelExpr> Args)
    : CelExpr(Id, Offset, Length);

/// <summary>A list literal <c>[a, b]</c>.</summary>
public sealed record CelList(long Id, int Offset, int Length, IReadOnlyList<CelExpr> Elements) : CelExpr(Id, Offset, Length);

/// <summary>A map literal <c>{k: v}</c>.</summary>
public sealed record CelMap(long Id, int Offset, int Length, IReadOnlyList<CelMapEntry> Entries) : CelExpr(Id, Offset, Length);

/// <summary>One <c>key: value</c> of a map literal.</summary>
public sealed record CelMapEntry(long Id, CelExpr Key, CelExpr Value);

/// <summary>
/// A fold, as cel-go expands the macros <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c> and
/// <c>filter</c>: for each element of <paramref name="IterRange"/> (keys for a map) bound to
/// <paramref name="IterVar"/>, while <paramref name="LoopCondition"/> holds, the accumulator becomes
/// <paramref name="LoopStep"/>; the value is <paramref name="Result"/>.
/// </summary>
public sealed record CelComprehension(
    long Id,
    int Offset,
    int Length,
    string IterVar,
    CelExpr IterRange,
    string AccuVar,
    CelExpr AccuInit,
    CelExpr LoopCondition,
    CelExpr LoopStep,
    CelExpr Result,
    string Macro) : CelExpr(Id, Offset, Length);
