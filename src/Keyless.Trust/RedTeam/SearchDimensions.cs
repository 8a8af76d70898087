using Keyless.Trust.Claims;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Which dimensions of a search space the search varies: those whose claims the trust of the path reads, directly or
/// through the <c>sub</c> components. Every other dimension keeps its first value (the scenario's most natural token),
/// so <see cref="PersonaCapabilities"/> need not build the rest of it.
/// </summary>
internal readonly record struct SearchDimensions(bool Projects, bool RefEvents, bool Environments, bool Users, bool Runners, bool Components)
{
    private static readonly string[] ProjectClaims =
    [
        GitLabClaimNames.ProjectId, GitLabClaimNames.ProjectPath, GitLabClaimNames.NamespaceId, GitLabClaimNames.NamespacePath,
        GitLabClaimNames.JobProjectId, GitLabClaimNames.JobProjectPath, GitLabClaimNames.JobNamespaceId, GitLabClaimNames.JobNamespacePath,
        GitLabClaimNames.CiConfigRefUri, GitLabClaimNames.ProjectVisibility,
    ];

    private static readonly string[] SubComponentsOfProject =
    [
        GitLabClaimNames.ProjectPath, GitLabClaimNames.ProjectId, GitLabClaimNames.JobProjectPath, GitLabClaimNames.JobProjectId,
    ];

    private static readonly string[] RefClaims =
        [GitLabClaimNames.Ref, GitLabClaimNames.RefType, GitLabClaimNames.RefPath, GitLabClaimNames.RefProtected, GitLabClaimNames.CiConfigRefUri, GitLabClaimNames.PipelineSource];

    private static readonly string[] EnvClaims = [GitLabClaimNames.Environment, GitLabClaimNames.EnvironmentProtected, GitLabClaimNames.DeploymentTier, GitLabClaimNames.EnvironmentAction];

    private static readonly string[] UserClaims = [GitLabClaimNames.UserLogin, GitLabClaimNames.UserEmail, GitLabClaimNames.UserId, GitLabClaimNames.UserAccessLevel];

    /// <param name="atoms">The path's atoms (what its trust reads).</param>
    /// <param name="componentSets">The <c>sub</c> component lists the scenario's tokens may carry.</param>
    public static SearchDimensions Of(AtomSet atoms, IReadOnlyList<IReadOnlyList<string>> componentSets)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(componentSets);
        var read = atoms.ClaimsRead;
        var subRead = read.Contains(GitLabClaimNames.Subject);

        // A claim counts as read when the trust names it, or when it reads sub and a component list carries it. Loops,
        // not LINQ: this runs for every scenario on every path.
        bool Reads(string[] claims, string[] components)
        {
            foreach (var claim in claims)
            {
                if (read.Contains(claim))
                {
                    return true;
                }
            }

            if (!subRead)
            {
                return false;
            }

            foreach (var set in componentSets)
            {
                foreach (var component in set)
                {
                    if (Array.IndexOf(components, component) >= 0 || Array.IndexOf(claims, component) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        return new SearchDimensions(
            Projects: Reads(ProjectClaims, SubComponentsOfProject),
            RefEvents: Reads(RefClaims, []),
            Environments: Reads(EnvClaims, []),
            Users: Reads(UserClaims, []),
            Runners: read.Contains(GitLabClaimNames.RunnerEnvironment),
            Components: subRead);
    }
}
