namespace Keyless.GitLab.Api;

/// <summary>
/// A variable set a group walk found but could not read (GitLab answered 403): the subgroup or project, and the API
/// URL that refused, so a report can point at it.
/// </summary>
public sealed record UnreadVariables(VariableLevel Level, string Owner, string Source)
{
    /// <summary><c>project acme/payments</c> or <c>group acme/platform</c>.</summary>
    public string Name => (Level == VariableLevel.Group ? "group " : "project ") + Owner;

    public override string ToString() => Name;
}
