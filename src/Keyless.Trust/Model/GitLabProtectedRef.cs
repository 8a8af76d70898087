namespace Keyless.Trust.Model;

/// <summary>A protected branch or tag rule. <see cref="Pattern"/> may hold <c>*</c> wildcards.</summary>
public sealed record GitLabProtectedRef
{
    public required string Pattern { get; init; }

    /// <summary>Who may push (branches) or create (tags); empty means nobody beyond admins.</summary>
    public IReadOnlyList<GitLabAccessLevel> PushAccess { get; init; } = [];

    /// <summary>Who may merge (branches only).</summary>
    public IReadOnlyList<GitLabAccessLevel> MergeAccess { get; init; } = [];

    public bool AllowForcePush { get; init; }

    /// <summary>Grants to named users, groups or deploy keys beyond the role levels.</summary>
    public bool HasIndividualGrants { get; init; }

    /// <summary>The project it belongs to, when the input names it (Terraform, a manifest).</summary>
    public string? Project { get; init; }

    public required SourceRef Source { get; init; }
}
