using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// The GitLab project a trust was meant for, as the audit attacks it: from the GitLab settings when given, else
/// inferred from the literals the trust pins (and <see cref="SettingsKnown"/> is false, so findings that rest on
/// GitLab's defaults say <c>assumed</c>).
/// </summary>
public sealed record VictimProject
{
    public required string Id { get; init; }

    public required string Path { get; init; }

    public required string NamespaceId { get; init; }

    public required string NamespacePath { get; init; }

    public required IReadOnlyList<string> Components { get; init; }

    public string DefaultBranch { get; init; } = "main";

    /// <summary>
    /// The id came from the GitLab settings or a literal the trust pins. When false, <see cref="Id"/> is a
    /// stand-in that only shapes witnesses: fixes must not present it as the user's project id.
    /// </summary>
    public bool IdKnown { get; init; }

    /// <summary>The id to write into a fix: the real one, or a placeholder the user fills in.</summary>
    public string FixId => IdKnown ? Id : "<PROJECT_ID>";

    /// <summary>The namespace id to write into a fix: the real one, or a placeholder.</summary>
    public string FixNamespaceId => NamespaceIdKnown ? NamespaceId : "<NAMESPACE_ID>";

    public bool NamespaceIdKnown { get; init; }

    /// <summary>Protected branches, tags and environments came from the GitLab API or Terraform.</summary>
    public bool SettingsKnown { get; init; }

    public IReadOnlyList<GitLabProtectedRef> ProtectedBranches { get; init; } = [];

    public IReadOnlyList<GitLabProtectedRef> ProtectedTags { get; init; } = [];

    public IReadOnlyList<GitLabProtectedEnvironment> ProtectedEnvironments { get; init; } = [];

    /// <summary>The GitLab project input, when there is one (fix locations point at it).</summary>
    public GitLabProject? Project { get; init; }

    public string TopGroup => Path.Split('/')[0];

    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}
