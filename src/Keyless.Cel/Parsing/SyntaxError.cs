namespace Keyless.Cel.Parsing;

/// <summary>A problem found while reading or checking the source, at a character offset.</summary>
internal sealed record SyntaxError(string Message, int Offset);

internal sealed record ParseResult(CelExpr? Expr, SyntaxError? Error);
