using Keyless.Trust.Claims;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Where the search's classes are not provably every class a persona can produce: a "no finding" is a proof only
/// when, for every claim the trust reads, the candidates reach every class its atoms split the claim into.
/// </summary>
/// <remarks>
/// The proven fragment, claim by claim: a claim with finitely many values GitLab can send (enumerated whole); a
/// claim tested only by equalities (each literal, and one value equal to none); a claim tested by one prefix,
/// suffix, contains, wildcard or simple regex plus equalities (the literal, the pattern with attacker text around
/// it, and a value outside it). Several patterns on one claim meet in combinations the candidates only sample;
/// claims the search holds fixed (<c>sha</c>, <c>runner_id</c>, …) are not varied at all. Both are reported.
/// </remarks>
public static class SearchCoverage
{
    /// <summary>Claims whose every possible value the search enumerates (for the personas that control them).</summary>
    private static readonly HashSet<string> Enumerated = new(StringComparer.Ordinal)
    {
        GitLabClaimNames.RefType, GitLabClaimNames.RefProtected, GitLabClaimNames.EnvironmentProtected, GitLabClaimNames.DeploymentTier,
        GitLabClaimNames.EnvironmentAction, GitLabClaimNames.PipelineSource, GitLabClaimNames.RunnerEnvironment,
        GitLabClaimNames.ProjectVisibility, GitLabClaimNames.UserAccessLevel, GitLabClaimNames.Issuer,
    };

    /// <summary>Claims the search varies through candidates built from the trust's literals.</summary>
    private static readonly HashSet<string> Varied = new(StringComparer.Ordinal)
    {
        GitLabClaimNames.ProjectId, GitLabClaimNames.ProjectPath, GitLabClaimNames.NamespaceId, GitLabClaimNames.NamespacePath,
        GitLabClaimNames.JobProjectId, GitLabClaimNames.JobProjectPath, GitLabClaimNames.JobNamespaceId, GitLabClaimNames.JobNamespacePath,
        GitLabClaimNames.Ref, GitLabClaimNames.RefPath, GitLabClaimNames.Environment, GitLabClaimNames.UserLogin, GitLabClaimNames.UserEmail,
        GitLabClaimNames.Subject, GitLabClaimNames.CiConfigRefUri,
    };

    /// <summary>Why the search over these atoms is not exhaustive; empty when it is (worked out once per atom set).</summary>
    public static IReadOnlyList<string> Gaps(AtomSet atoms)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        return atoms.CoverageGaps;
    }

    internal static List<string> Compute(AtomSet atoms)
    {
        var gaps = new List<string>();
        foreach (var claim in atoms.ClaimsRead.Order(StringComparer.Ordinal))
        {
            if (Enumerated.Contains(claim))
            {
                continue;
            }

            if (!Varied.Contains(claim))
            {
                gaps.Add($"{claim} is read, but the search holds it at one value");
                continue;
            }

            var patterns = atoms.On(claim).Where(a => a.Kind != AtomKind.Equals).ToArray();
            if (claim == GitLabClaimNames.Subject)
            {
                var loose = patterns.Where(a => a.Kind is AtomKind.Contains or AtomKind.Suffix or AtomKind.Regex).ToArray();
                if (loose.Length > 0)
                {
                    gaps.Add($"sub is tested by {string.Join(", ", loose.Select(a => a.ToString()))}; the search derives project paths from it but does not enumerate every component value");
                }
            }
            else if (patterns.Length > 1)
            {
                gaps.Add($"{claim} is tested by {patterns.Length} patterns ({string.Join(", ", patterns.Select(a => a.ToString()))}); their combinations are sampled, not enumerated");
            }
        }

        return gaps;
    }
}
