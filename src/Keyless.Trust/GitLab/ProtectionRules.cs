using Keyless.Trust.Evaluation.Azure;
using Keyless.Trust.Model;

namespace Keyless.Trust.GitLab;

/// <summary>
/// Which rule protects a branch or tag, and whether a Developer gets past it. <c>ref_protected</c> is
/// <c>build.protected</c>: true exactly when a protected branch or tag rule matches the ref (Project#protected_for?).
/// </summary>
/// <remarks>
/// A rule's name may hold <c>*</c> wildcards, matched against the whole ref name (doc/user/project/repository/branches/
/// protected.md). Unknown settings are GitLab's defaults: the default branch is protected with Maintainers allowed to
/// push and merge; no other branch, no tag and no environment is protected (doc/user/project/repository/branches/
/// default.md, doc/user/project/protected_tags.md, doc/ci/environments/protected_environments.md).
/// </remarks>
public static class ProtectionRules
{
    private static readonly GitLabAccessLevel[] MaintainersOnly = [GitLabAccessLevel.Maintainer];

    /// <summary>The rule covering a ref name; without settings, GitLab's default protects only the default branch.</summary>
    public static GitLabProtectedRef? Rule(IReadOnlyList<GitLabProtectedRef> rules, bool settingsKnown, string defaultBranch, string name, bool tag)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!settingsKnown)
        {
            return !tag && name == defaultBranch
                ? new GitLabProtectedRef { Pattern = name, PushAccess = MaintainersOnly, MergeAccess = MaintainersOnly, Source = new SourceRef("(GitLab default)", null) }
                : null;
        }

        return rules.FirstOrDefault(r => new WildcardPattern(r.Pattern).IsMatch(name));
    }

    /// <summary>A Developer may push to (or merge into) a protected branch, or create a protected tag, under this rule.</summary>
    public static bool DeveloperMayPush(GitLabProtectedRef rule, bool tag)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.PushAccess.Any(DeveloperHas) || (!tag && rule.MergeAccess.Any(DeveloperHas));
    }

    /// <summary>A role at or below Developer is granted, so every Developer holds it.</summary>
    public static bool DeveloperHas(GitLabAccessLevel level) => level is GitLabAccessLevel.Developer or GitLabAccessLevel.Reporter or GitLabAccessLevel.Guest or GitLabAccessLevel.Planner;
}
