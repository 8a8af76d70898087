namespace Keyless.Trust.Model;

/// <summary>The GitLab project a trust is meant for, with the settings that shape its tokens.</summary>
public sealed record GitLabProject
{
    public string? Id { get; init; }

    /// <summary><c>path_with_namespace</c>, e.g. <c>acme/payments</c>.</summary>
    public string? Path { get; init; }

    public string? NamespaceId { get; init; }

    public string? NamespacePath { get; init; }

    /// <summary><c>ci_id_token_sub_claim_components</c>; null means GitLab's default.</summary>
    public IReadOnlyList<string>? SubClaimComponents { get; init; }

    public string? Visibility { get; init; }

    public IReadOnlyList<GitLabProtectedRef> ProtectedBranches { get; init; } = [];

    public IReadOnlyList<GitLabProtectedRef> ProtectedTags { get; init; } = [];

    public IReadOnlyList<GitLabProtectedEnvironment> ProtectedEnvironments { get; init; } = [];

    public string? TerraformAddress { get; init; }

    public IReadOnlyList<string> Unknown { get; init; } = [];

    public required SourceRef Source { get; init; }

    public string DisplayName => Path ?? (Id is null ? "project ?" : "project " + Id);
}
