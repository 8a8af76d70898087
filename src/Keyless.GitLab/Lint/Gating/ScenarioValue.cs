namespace Keyless.GitLab.Lint.Gating;

/// <summary>The value a CI/CD variable has in an attack scenario.</summary>
internal abstract record ScenarioValue
{
    /// <summary>Not set in this kind of pipeline (<c>$CI_COMMIT_TAG</c> in a branch pipeline).</summary>
    public sealed record Unset : ScenarioValue;

    /// <summary>A value known exactly (<c>$CI_COMMIT_REF_PROTECTED</c> is "false" on an unprotected ref).</summary>
    public sealed record Known(string Value) : ScenarioValue;

    /// <summary>
    /// A value the attacker picks (a branch or tag name), the same wherever <see cref="Id"/> is the same, never one
    /// of <see cref="Excluded"/> (a Developer cannot push a branch named like the protected default branch).
    /// </summary>
    public sealed record Chosen(string Id, IReadOnlySet<string> Excluded) : ScenarioValue;

    /// <summary>Set, to something that is only equal to itself (a project id).</summary>
    public sealed record Opaque(string Id) : ScenarioValue;

    /// <summary>Nothing known (a project variable, a predefined variable not modelled).</summary>
    public sealed record Unknown : ScenarioValue;
}
