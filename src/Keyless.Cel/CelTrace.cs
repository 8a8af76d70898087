namespace Keyless.Cel;

/// <summary>
/// A result with the value of each leaf clause of the expression's boolean structure (<c>&amp;&amp;</c>,
/// <c>||</c>, <c>!</c>, <c>?:</c>), in source order, so callers can name the clause that decided it.
/// </summary>
public sealed record CelTrace(CelValue Result, IReadOnlyList<CelClause> Clauses);
