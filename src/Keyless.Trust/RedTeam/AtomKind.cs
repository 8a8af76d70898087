namespace Keyless.Trust.RedTeam;

/// <summary>The predicate shapes the search is complete for (spec §4: the supported fragment).</summary>
public enum AtomKind
{
    /// <summary><c>claim == 'L'</c>, <c>claim in [...]</c>, an exact Azure subject or an IAM principal value.</summary>
    Equals,

    /// <summary><c>claim.startsWith('L')</c>.</summary>
    Prefix,

    /// <summary><c>claim.endsWith('L')</c>.</summary>
    Suffix,

    /// <summary><c>claim.contains('L')</c>, or what an <c>extract</c> template needs.</summary>
    Contains,

    /// <summary><c>claim.matches('RE2')</c>: an unanchored search.</summary>
    Regex,

    /// <summary>An anchored flexible-credential pattern with <c>*</c> and <c>?</c>.</summary>
    Wildcard,
}
