namespace Keyless.GitLab.Lint.Gating;

/// <summary>The syntax tree of a GitLab CI/CD expression (<c>rules:if</c>, <c>only:variables</c>).</summary>
internal abstract record CiExpression
{
    public sealed record Variable(string Name) : CiExpression;

    public sealed record Text(string Value) : CiExpression;

    public sealed record Null : CiExpression;

    public sealed record Pattern(string Source, bool IgnoreCase) : CiExpression;

    public sealed record Compare(string Operator, CiExpression Left, CiExpression Right) : CiExpression;

    public sealed record And(CiExpression Left, CiExpression Right) : CiExpression;

    public sealed record Or(CiExpression Left, CiExpression Right) : CiExpression;

    /// <summary>Text that is not a valid expression; GitLab would reject it, Keyless treats it as unknown.</summary>
    public sealed record Invalid(string Reason) : CiExpression;
}
