using Keyless.Trust.GitLab;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// The GitLab project a trust was meant for, as the audit attacks it: from the GitLab settings when given, else
/// from the pins of the trust (equalities that must hold), else a stand-in. <see cref="SettingsKnown"/> is false
/// when its protections are GitLab's defaults, so findings that rest on them say <c>assumed</c>.
/// </summary>
public sealed record VictimProject
{
    public required string Id { get; init; }

    public required string Path { get; init; }

    public required string NamespaceId { get; init; }

    public required string NamespacePath { get; init; }

    public required IReadOnlyList<string> Components { get; init; }

    /// <summary>The default branch: from the project input, else GitLab's default name for new projects.</summary>
    public string DefaultBranch { get; init; } = "main";

    /// <summary>
    /// The id came from the GitLab settings or a literal the trust pins. When false, <see cref="Id"/> is a
    /// stand-in that only shapes witnesses: fixes must not present it as the user's project id.
    /// </summary>
    public bool IdKnown { get; init; }

    /// <summary>The path came from the GitLab settings or a pin; when false it is a stand-in (a project in a pinned namespace, or none).</summary>
    public bool PathKnown { get; init; }

    /// <summary>The namespace came from the settings, a pin or a pattern: a reclaimer can register it again.</summary>
    public bool NamespaceKnown { get; init; }

    /// <summary>
    /// Set when no input and no exact pin names the project, and it is read off a pattern of the trust instead
    /// (<c>startsWith('project_path:acme/app')</c> → acme/app): findings that rest on it say so and are assumed.
    /// </summary>
    public string? Assumption { get; init; }

    /// <summary>The id to write into a fix: the real one, or a placeholder the user fills in.</summary>
    public string FixId => IdKnown ? Id : "<PROJECT_ID>";

    /// <summary>The namespace id to write into a fix: the real one, or a placeholder.</summary>
    public string FixNamespaceId => NamespaceIdKnown ? NamespaceId : "<NAMESPACE_ID>";

    public bool NamespaceIdKnown { get; init; }

    /// <summary>Protected branches, tags and environments came from the GitLab API or Terraform.</summary>
    public bool SettingsKnown { get; init; }

    /// <summary><c>project_visibility</c> of its tokens (from the settings or a pin; private when neither says).</summary>
    public string Visibility { get; init; } = "private";

    public IReadOnlyList<GitLabProtectedRef> ProtectedBranches { get; init; } = [];

    public IReadOnlyList<GitLabProtectedRef> ProtectedTags { get; init; } = [];

    public IReadOnlyList<GitLabProtectedEnvironment> ProtectedEnvironments { get; init; } = [];

    /// <summary>The GitLab project input, when there is one (fix locations point at it).</summary>
    public GitLabProject? Project { get; init; }

    /// <summary>How the victim was found, for messages: "the GitLab project input", "pinned by the trust", ….</summary>
    public string Basis { get; init; } = "pinned by the trust";

    /// <summary>Set when the trust admits several projects: this is one of them, attacked in turn.</summary>
    public int CandidateCount { get; init; } = 1;

    /// <summary>The protection rule covering a branch or tag of this project (GitLab's defaults when settings are unknown).</summary>
    public GitLabProtectedRef? RuleFor(string name, bool tag) =>
        ProtectionRules.Rule(tag ? ProtectedTags : ProtectedBranches, SettingsKnown, DefaultBranch, name, tag);

    public GitLabProtectedEnvironment? EnvironmentRuleFor(string name) => ProtectedEnvironments.FirstOrDefault(e => e.Name == name);

    public string TopGroup => GitLabPaths.TopOf(Path);

    public string Name => GitLabPaths.NameOf(Path);
}
