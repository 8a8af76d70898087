using Keyless.Cel;
using Keyless.Trust.Evaluation.Azure;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// One literal or pattern the trust applies to one claim. Atoms guide candidate generation and split each claim's
/// values into equivalence classes (two values with the same truth vector over every atom are interchangeable).
/// </summary>
public sealed record ClaimAtom(string Claim, AtomKind Kind, string Literal)
{
    private CelProgram? _regex;
    private WildcardPattern? _wildcard;

    public bool Evaluate(string? value)
    {
        if (value is null)
        {
            return false;
        }

        return Kind switch
        {
            AtomKind.Equals => string.Equals(value, Literal, StringComparison.Ordinal),
            AtomKind.Prefix => value.StartsWith(Literal, StringComparison.Ordinal),
            AtomKind.Suffix => value.EndsWith(Literal, StringComparison.Ordinal),
            AtomKind.Contains => value.Contains(Literal, StringComparison.Ordinal),
            AtomKind.Wildcard => (_wildcard ??= new WildcardPattern(Literal)).IsMatch(value),
            _ => MatchesRegex(value),
        };
    }

    private bool MatchesRegex(string value)
    {
        // The same RE2 semantics GCP and the evaluator use: compile `v.matches(pattern)` once through CEL.
        _regex ??= CelCompiler.Compile("v.matches(p)", new CelCompileOptions { Variables = ["v", "p"] }).Program;
        var result = _regex!.Evaluate(CelActivation.Empty.With("v", CelValue.Of(value)).With("p", CelValue.Of(Literal)));
        return result.TryGetBool(out var b) && b;
    }

    public override string ToString() => Kind switch
    {
        AtomKind.Equals => $"{Claim} == '{Literal}'",
        AtomKind.Prefix => $"{Claim}.startsWith('{Literal}')",
        AtomKind.Suffix => $"{Claim}.endsWith('{Literal}')",
        AtomKind.Contains => $"{Claim}.contains('{Literal}')",
        AtomKind.Regex => $"{Claim}.matches('{Literal}')",
        _ => $"{Claim} matches '{Literal}'",
    };
}
