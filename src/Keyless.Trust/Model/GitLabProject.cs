namespace Keyless.Trust.Model;

/// <summary>The GitLab project a trust is meant for, with the settings that shape its tokens.</summary>
public sealed record GitLabProject
{
    public string? Id { get; init; }

    /// <summary><c>path_with_namespace</c>, e.g. <c>acme/payments</c>.</summary>
    public string? Path { get; init; }

    public string? NamespaceId { get; init; }

    public string? NamespacePath { get; init; }

    /// <summary><c>namespace.kind</c>: <c>group</c> or <c>user</c> (a personal project has no group to be a member of).</summary>
    public string? NamespaceKind { get; init; }

    /// <summary><c>ci_id_token_sub_claim_components</c>; null means GitLab's default.</summary>
    public IReadOnlyList<string>? SubClaimComponents { get; init; }

    public string? Visibility { get; init; }

    /// <summary>
    /// <c>ci_allow_fork_pipelines_to_run_in_parent_project</c> (on by default since 15.3): whether a member can run a
    /// fork's merge request pipeline in this project; null when the input does not say.
    /// </summary>
    public bool? ForkPipelinesInParent { get; init; }

    /// <summary><c>default_branch</c>: GitLab protects it by default (Maintainers push and merge).</summary>
    public string? DefaultBranch { get; init; }

    public IReadOnlyList<GitLabProtectedRef> ProtectedBranches { get; init; } = [];

    public IReadOnlyList<GitLabProtectedRef> ProtectedTags { get; init; } = [];

    public IReadOnlyList<GitLabProtectedEnvironment> ProtectedEnvironments { get; init; } = [];

    public string? TerraformAddress { get; init; }

    public IReadOnlyList<string> Unknown { get; init; } = [];

    public required SourceRef Source { get; init; }

    public string DisplayName => Path ?? (Id is null ? "project ?" : "project " + Id);
}
