namespace Keyless.Trust.RedTeam;

/// <summary>
/// What a CEL value is in terms of token claims: one claim (<c>assertion.ref</c>), an <c>extract</c> of one claim,
/// a concatenation of claims and literals, or something the search cannot translate.
/// </summary>
public abstract record ClaimSource
{
    public sealed record Direct(string Claim) : ClaimSource;

    public sealed record Extract(string Claim, string Before, string After) : ClaimSource;

    /// <summary>Parts are claim names (IsClaim set) or literals, in order.</summary>
    public sealed record Concat(IReadOnlyList<(string Text, bool IsClaim)> Parts) : ClaimSource;

    public sealed record Opaque(string Source) : ClaimSource;
}
