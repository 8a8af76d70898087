using System.Text.Json.Nodes;
using Keyless.Trust.Claims;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// The search: per dimension, keep one value per class (the truth vector of the atoms on that dimension's
/// claims), vary only the dimensions the trust reads, and check each combination with the oracle (the same
/// evaluator as <c>explain</c>) until one is admitted. The first values of each dimension are the scenario's
/// most natural token, so common holes are found in a handful of checks.
/// </summary>
public static class GuidedSearch
{
    /// <summary>Above this many combinations the search stops and says it was not exhaustive.</summary>
    public const int MaxCandidates = 20_000;

    /// <param name="path">The attack path searched.</param>
    /// <param name="space">The tokens the scenario can make GitLab mint on it.</param>
    /// <param name="admits">The oracle, asked of each candidate as built (CEL values; <see cref="TokenClaims"/> reads them).</param>
    /// <param name="realizable">The independent check, asked of an admitted candidate as the JSON claims that would be reported.</param>
    /// <param name="values">The path's candidates, which keep the classes of the lists several scenarios share.</param>
    internal static SearchResult Run(AttackPath path, SearchSpace space, Func<ClaimTable, bool> admits, Func<JsonObject, Realizability> realizable, PathCandidates? values = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(admits);
        ArgumentNullException.ThrowIfNull(realizable);
        if (space.IsEmpty)
        {
            // No token at all: complete whatever the trust says.
            return new SearchResult { Tried = 0, Complete = true, Assumptions = space.Assumptions };
        }

        var read = path.Atoms.ClaimsRead;
        var atoms = path.Atoms;
        var varies = values?.Dimensions(space.ComponentSets) ?? SearchDimensions.Of(atoms, space.ComponentSets);
        var signature = new ClassSignature(atoms);
        // Refs, environments and the victim's own project are often lists of the path's that several scenarios share,
        // and so are their classes (made once per list); users are the scenario's own.
        var projects = !varies.Projects ? First(space.Projects)
            : values is null ? Classes(space.Projects, signature.Of) : values.Classes(space.Projects, list => Classes(list, signature.Of));
        var events = !varies.RefEvents ? First(space.RefEvents)
            : values is null ? Classes(space.RefEvents, signature.Of) : values.Classes(space.RefEvents, list => Classes(list, signature.Of));
        var envs = !varies.Environments ? First(space.Environments)
            : values is null ? Classes(space.Environments, signature.Of) : values.Classes(space.Environments, list => Classes(list, signature.Of));
        var users = varies.Users ? Classes(space.Users, signature.Of) : First(space.Users);
        var runners = varies.Runners ? space.Runners : First(space.Runners);
        var components = varies.Components ? space.ComponentSets : First(space.ComponentSets);

        int[] sizes = [projects.Count, events.Count, envs.Count, users.Count, runners.Count, components.Count];
        var total = sizes.Aggregate(1L, (a, b) => a * b);
        var gaps = new List<string>(atoms.Outside);
        gaps.AddRange(SearchCoverage.Gaps(atoms));
        if (read.Contains(GitLabClaimNames.CiConfigRefUri))
        {
            gaps.Add("ci_config_ref_uri is read; its values follow from project and ref and are not split into classes of their own");
        }

        if (total > MaxCandidates)
        {
            gaps.Add($"{total} class combinations; the first {MaxCandidates} were tried");
        }

        var index = new int[sizes.Length];
        var host = TokenFactory.Host(space.Issuer);
        var tried = 0;
        var rejected = 0;
        string? firstRefusal = null;
        while (tried < MaxCandidates)
        {
            var shape = new TokenShape(projects[index[0]], events[index[1]], envs[index[2]], users[index[3]], runners[index[4]], components[index[5]]);
            var candidate = TokenFactory.Candidate(space.Issuer, path.Audience, shape, host);
            tried++;
            if (admits(candidate))
            {
                var claims = candidate.ToJson();
                // The independent check: a witness GitLab could not mint is a bug of the generator, never a finding.
                if (realizable(claims) is { IsRealizable: false } refused)
                {
                    rejected++;
                    firstRefusal ??= refused.ToString();
                }
                else
                {
                    return new SearchResult { Witness = claims, Path = path, Tried = tried, Complete = gaps.Count == 0, Gaps = gaps, Assumptions = space.Assumptions };
                }
            }

            if (!Next(index, sizes))
            {
                break;
            }
        }

        if (rejected > 0)
        {
            gaps.Add($"{rejected} admitted candidates were tokens GitLab cannot mint for this persona and were dropped (the first: {firstRefusal})");
        }

        return new SearchResult { Tried = tried, Complete = gaps.Count == 0, Gaps = gaps, Assumptions = space.Assumptions, Rejected = rejected };
    }

    /// <summary>The first value alone (none of an empty list): what the search keeps of a dimension it does not vary.</summary>
    private static IReadOnlyList<T> First<T>(IReadOnlyList<T> values) => values.Count <= 1 ? values : [values[0]];

    /// <summary>Odometer order: the last dimensions (components, runners) turn fastest, projects slowest.</summary>
    private static bool Next(int[] index, int[] sizes)
    {
        for (var i = index.Length - 1; i >= 0; i--)
        {
            if (++index[i] < sizes[i])
            {
                return true;
            }

            index[i] = 0;
        }

        return false;
    }

    /// <summary>One representative per class, first come first kept.</summary>
    private static List<T> Classes<T>(IReadOnlyList<T> values, Func<T, ClassKey> signature)
    {
        var seen = new HashSet<ClassKey>();
        var classes = new List<T>();
        foreach (var value in values)
        {
            if (seen.Add(signature(value)))
            {
                classes.Add(value);
            }
        }

        return classes;
    }

    /// <summary>
    /// A value's truth vector: one presence bit per claim of its dimension, then one bit per atom on that claim. Every
    /// value of one dimension has as many bits, so up to 128 of them fit in <see cref="Bits"/>; a longer vector is kept
    /// as text in <see cref="Long"/>.
    /// </summary>
    private readonly record struct ClassKey(UInt128 Bits, string? Long);

    /// <summary>
    /// The truth vector of every atom on the given claims, plus presence of each claim. Built once per search from the
    /// path's atoms grouped by claim, since every value of every dimension gets a signature.
    /// </summary>
    private sealed class ClassSignature(AtomSet atoms)
    {
        private readonly IReadOnlyDictionary<string, ClaimAtom[]> _byClaim = atoms.ByClaim;

        public ClassKey Of(ProjectShape p) => Of(
        [
            (GitLabClaimNames.ProjectId, p.Id), (GitLabClaimNames.ProjectPath, p.Path), (GitLabClaimNames.NamespaceId, p.NamespaceId),
            (GitLabClaimNames.NamespacePath, p.NamespacePath), (GitLabClaimNames.JobProjectId, p.JobId), (GitLabClaimNames.JobProjectPath, p.JobPath),
            (GitLabClaimNames.JobNamespaceId, p.JobNamespaceId), (GitLabClaimNames.JobNamespacePath, p.JobNamespacePath),
            (GitLabClaimNames.ProjectVisibility, p.Visibility), ("ci_config_ref_uri.path", p.Path),
        ]);

        public ClassKey Of(RefEvent e)
        {
            var refPath = e.Ref.RefPath;
            return Of(
            [
                (GitLabClaimNames.Ref, e.Ref.Name), (GitLabClaimNames.RefType, e.Ref.Type), (GitLabClaimNames.RefPath, refPath),
                (GitLabClaimNames.RefProtected, e.Ref.Protected ? "true" : "false"), ("ci_config_ref_uri.ref", refPath),
                (GitLabClaimNames.PipelineSource, e.PipelineSource),
            ]);
        }

        public ClassKey Of(EnvShape e) => Of(
        [
            (GitLabClaimNames.Environment, e.Name), (GitLabClaimNames.EnvironmentProtected, e.Name is null ? null : e.Protected ? "true" : "false"),
            (GitLabClaimNames.DeploymentTier, e.Name is null ? null : e.Tier ?? "other"),
            (GitLabClaimNames.EnvironmentAction, e.Name is null ? null : e.Action),
        ]);

        public ClassKey Of(UserShape u) => Of(
        [
            (GitLabClaimNames.UserLogin, u.Login), (GitLabClaimNames.UserEmail, u.Email), (GitLabClaimNames.UserId, u.Id), (GitLabClaimNames.UserAccessLevel, u.AccessLevel),
        ]);

        // The claim/value pairs live on the stack: every value of every dimension of every path gets a signature.
        private ClassKey Of(ReadOnlySpan<(string Claim, string? Value)> values)
        {
            var bits = UInt128.Zero;
            var count = 0;
            System.Text.StringBuilder? text = null;
            void Append(bool bit)
            {
                if (count < 128)
                {
                    bits |= bit ? UInt128.One << count : UInt128.Zero;
                }
                else
                {
                    // Past 128 bits (a trust with many literals on one dimension): the whole vector as text.
                    if (text is null)
                    {
                        text = new System.Text.StringBuilder(count + 64);
                        for (var i = 0; i < count; i++)
                        {
                            text.Append(((bits >> i) & UInt128.One) == UInt128.One ? '1' : '0');
                        }
                    }

                    text.Append(bit ? '1' : '0');
                }

                count++;
            }

            foreach (var (claim, value) in values)
            {
                Append(value is not null);
                if (_byClaim.TryGetValue(claim, out var on))
                {
                    foreach (var atom in on)
                    {
                        Append(atom.Evaluate(value));
                    }
                }
            }

            return text is null ? new ClassKey(bits, null) : new ClassKey(UInt128.Zero, text.ToString());
        }
    }
}
