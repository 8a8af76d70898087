using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Hcl;

/// <summary>
/// An HCL expression as parsed, with its source range (<see cref="Start"/>..<see cref="End"/>) so an expression
/// Keyless does not evaluate can be kept as its own text (<c>${…}</c>), as HCL's JSON syntax writes it. Chains of
/// one operator level and traversal steps are lists, not nested nodes, so a long chain never makes a deep tree.
/// </summary>
internal abstract record HclExpression(int Start, int End);

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed record HclLiteral(int Start, int End, JsonNode? Value) : HclExpression(Start, End);

/// <summary>A quoted or heredoc string, or a JSON-syntax string read as a template.</summary>
internal sealed record HclTemplate(int Start, int End, IReadOnlyList<HclTemplatePart> Parts) : HclExpression(Start, End)
{
    public bool IsLiteral => Parts.All(p => p is HclTemplateText);

    /// <summary>The template is one interpolation and nothing else (<c>"${x}"</c>): its value is x's, of any type.</summary>
    public HclExpression? Wrapped => Parts is [HclTemplateInterpolation only] ? only.Expression : null;
}

/// <summary><c>[a, b]</c>.</summary>
internal sealed record HclTuple(int Start, int End, IReadOnlyList<HclExpression> Items) : HclExpression(Start, End);

/// <summary><c>{ key = value }</c>; a key that is a bare name is <see cref="HclObjectItem.Name"/>.</summary>
internal sealed record HclObject(int Start, int End, IReadOnlyList<HclObjectItem> Items) : HclExpression(Start, End);

/// <summary>A name in scope: <c>var</c>, <c>local</c>, <c>data</c>, a resource type, <c>each</c>…</summary>
internal sealed record HclVariable(int Start, int End, string Name) : HclExpression(Start, End);

/// <summary><c>source.attr</c>, <c>source[key]</c>, <c>source.*</c>, <c>source[*]</c>, as one list of steps.</summary>
internal sealed record HclTraversal(int Start, int End, HclExpression Source, IReadOnlyList<HclStep> Steps) : HclExpression(Start, End);

/// <summary><c>name(args)</c> (or <c>provider::ns::name(args)</c>); <see cref="ExpandLast"/> for <c>args...</c>.</summary>
internal sealed record HclCall(int Start, int End, string Name, IReadOnlyList<HclExpression> Arguments, bool ExpandLast) : HclExpression(Start, End);

/// <summary><c>!x</c> or <c>-x</c>.</summary>
internal sealed record HclUnary(int Start, int End, HclTokenKind Operator, HclExpression Operand) : HclExpression(Start, End);

/// <summary>Operands of one precedence level joined left to right: <c>a + b - c</c>.</summary>
internal sealed record HclBinary(int Start, int End, IReadOnlyList<HclExpression> Operands, IReadOnlyList<HclTokenKind> Operators) : HclExpression(Start, End);

/// <summary><c>c ? t : f</c>.</summary>
internal sealed record HclConditional(int Start, int End, HclExpression Condition, HclExpression True, HclExpression False) : HclExpression(Start, End);

/// <summary><c>(x)</c>.</summary>
internal sealed record HclParentheses(int Start, int End, HclExpression Inner) : HclExpression(Start, End);

/// <summary>A <c>for</c> expression: parsed for its syntax, never evaluated.</summary>
internal sealed record HclFor(int Start, int End) : HclExpression(Start, End);

/// <summary>One item of an object constructor.</summary>
internal sealed record HclObjectItem(HclExpression Key, string? Name, HclExpression Value);

/// <summary>One traversal step: an attribute name, an index expression, or a splat.</summary>
internal sealed record HclStep(string? Attribute, HclExpression? Index, bool Splat);

/// <summary>A piece of a template.</summary>
internal abstract record HclTemplatePart;

/// <summary>Literal text, escapes decoded.</summary>
internal sealed record HclTemplateText(string Text) : HclTemplatePart;

/// <summary><c>${ expression }</c>.</summary>
internal sealed record HclTemplateInterpolation(HclExpression Expression) : HclTemplatePart;

/// <summary><c>%{ if … }</c>, <c>%{ else }</c>, <c>%{ endif }</c>, <c>%{ for … }</c>, <c>%{ endfor }</c>, as normalised text.</summary>
internal sealed record HclTemplateDirective(string Text) : HclTemplatePart;
