using System.Runtime.CompilerServices;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation.Azure;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// What each persona can make GitLab mint (spec §4), as a <see cref="SearchSpace"/> for one path: its project
/// claims, refs (with <c>ref_protected</c> from the project's protection rules, or GitLab's defaults), environments
/// (with <c>environment_protected</c>), pipeline sources, users and sub components.
/// </summary>
public static class PersonaCapabilities
{
    private static readonly string[] AllSources = ["push", "web", "merge_request_event", "schedule", "api", "trigger"];
    private static readonly string[] DeveloperSources = ["push", "web", "merge_request_event"];
    private static readonly string[] Tiers = ["production", "staging", "testing", "development", "other"];

    /// <summary>What every scenario reads from a path, computed once per path rather than once per scenario.</summary>
    private static readonly ConditionalWeakTable<AttackPath, PathValues> Values = [];

    public static SearchSpace For(AttackScenario scenario, AttackPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var victim = path.Victim;
        var values = Values.GetValue(path, p => new PathValues(p));
        var assumptions = new List<string>();
        var full = scenario is AttackScenario.Anyone or AttackScenario.GroupMember or AttackScenario.PathReclaimer;

        var projects = Projects(scenario, victim, values);
        var refNames = values.RefNames;
        var refs = scenario switch
        {
            _ when full => refNames.SelectMany(n => new[] { new RefShape("branch", n, true), new RefShape("tag", n, true), new RefShape("branch", n, false), new RefShape("tag", n, false) }).ToArray(),
            AttackScenario.ForkContributor => refNames.Select(n => new RefShape("branch", n, false)).ToArray(),
            AttackScenario.DeveloperTag => DeveloperRefs(victim, refNames, tags: true, assumptions),
            AttackScenario.DeveloperBranch or AttackScenario.DeveloperEnvironment => DeveloperRefs(victim, refNames, tags: false, assumptions),
            _ => refNames.SelectMany(n => new[] { new RefShape("branch", n, IsProtected(victim, n, tags: false)), new RefShape("tag", n, IsProtected(victim, n, tags: true)) }).ToArray(),
        };

        var envNames = values.EnvironmentNames;
        var tiers = values.Tiers;
        EnvShape[] environments = scenario switch
        {
            _ when full => [EnvShape.None, .. envNames.SelectMany(n => tiers.SelectMany(t => new[] { new EnvShape(n, true, t), new EnvShape(n, false, t) }))],
            AttackScenario.DeveloperBranch => [EnvShape.None],
            AttackScenario.DeveloperEnvironment => DeveloperEnvironments(victim, envNames, tiers, assumptions),
            AttackScenario.DeveloperTag or AttackScenario.ForkContributor => [EnvShape.None, .. DeveloperEnvironments(victim, envNames, tiers, assumptions)],
            _ => [EnvShape.None, .. envNames.SelectMany(n => tiers.Select(t => new EnvShape(n, victim.ProtectedEnvironments.Any(e => e.Name == n), t)))],
        };

        string[] sources = scenario switch
        {
            AttackScenario.ForkContributor => ["merge_request_event"],
            AttackScenario.DeveloperBranch or AttackScenario.DeveloperTag or AttackScenario.DeveloperEnvironment => DeveloperSources,
            _ => values.AllSources,
        };

        return new SearchSpace
        {
            Projects = projects,
            Refs = refs,
            Environments = environments,
            PipelineSources = sources,
            Users = Users(scenario, values),
            Runners = values.Runners,
            ComponentSets = full || scenario == AttackScenario.ForkContributor ? values.OwnProjectComponents : values.VictimComponents,
            Assumptions = assumptions,
        };
    }

    private static ProjectShape[] Projects(AttackScenario scenario, VictimProject victim, PathValues values)
    {
        var own = new ProjectShape(victim.Id, victim.Path, victim.NamespaceId, victim.NamespacePath, victim.Id, victim.Path, victim.NamespaceId, victim.NamespacePath);
        var takenIds = new HashSet<string>(values.TakenIds, StringComparer.Ordinal);
        var nextId = 9000001;
        string NewId()
        {
            while (takenIds.Contains(nextId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                nextId++;
            }

            return (nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        ProjectShape Other(string path, bool jobInVictim)
        {
            var ns = path[..path.LastIndexOf('/')];
            var nsId = ns == victim.NamespacePath ? victim.NamespaceId : NewId();
            var id = NewId();
            return jobInVictim
                ? new ProjectShape(id, path, nsId, ns, victim.Id, victim.Path, victim.NamespaceId, victim.NamespacePath)
                : new ProjectShape(id, path, nsId, ns, id, path, nsId, ns);
        }

        switch (scenario)
        {
            case AttackScenario.PathReclaimer:
                var newNs = NewId();
                var id1 = NewId();
                var id2 = NewId();
                return
                [
                    new ProjectShape(id1, victim.Path, victim.NamespaceId, victim.NamespacePath, id1, victim.Path, victim.NamespaceId, victim.NamespacePath),
                    new ProjectShape(id2, victim.Path, newNs, victim.NamespacePath, id2, victim.Path, newNs, victim.NamespacePath),
                ];
            case AttackScenario.Anyone or AttackScenario.GroupMember or AttackScenario.ForkContributor:
                var group = scenario == AttackScenario.GroupMember;
                return values.PathCandidates
                    .Where(p => group ? InGroup(p, victim) : !InGroup(p, victim) && !values.Taken(p))
                    .Select(p => Other(p, jobInVictim: scenario == AttackScenario.ForkContributor))
                    .ToArray();
            default:
                return [own];
        }
    }

    /// <summary>Project paths worth trying: around every path, namespace and sub literal, and around the victim.</summary>
    private static List<string> PathCandidates(VictimProject victim, AtomSet atoms)
    {
        var paths = new List<string>
        {
            "keyless-attacker/" + victim.Name,
            victim.Path + "-evil",
            victim.Path + "x",
            "evil/" + victim.Path,
            victim.TopGroup + "/keyless-other",
            victim.TopGroup + "/keyless-sub/keyless-other",
            victim.NamespacePath + "/keyless-other",
            victim.Path + "/keyless-other",
            victim.TopGroup + "-evil/" + victim.Name,
            victim.TopGroup + "x/" + victim.Name,
        };
        paths.AddRange(CandidateValues.For(atoms, GitLabClaimNames.ProjectPath, GitLabClaimNames.JobProjectPath, GitLabClaimNames.SourceProjectPath));
        foreach (var ns in CandidateValues.For(atoms, GitLabClaimNames.NamespacePath, GitLabClaimNames.JobNamespacePath))
        {
            paths.Add(ns + "/keyless-other");
        }

        return Distinct(paths.Where(Valid)).ToList();
    }

    /// <summary>A path GitLab could hold: two or more non-empty segments, no characters a path cannot contain.</summary>
    private static bool Valid(string path) =>
        path.Contains('/', StringComparison.Ordinal) && !path.Split('/').Any(s => s.Length == 0)
        && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.');

    private static bool InGroup(string path, VictimProject victim) =>
        path.Split('/')[0] == victim.TopGroup && path != victim.Path;

    private static List<string> RefNames(VictimProject victim, AtomSet atoms)
    {
        var names = new List<string> { victim.DefaultBranch, "keyless-feature" };
        names.AddRange(CandidateValues.For(atoms, GitLabClaimNames.Ref));
        foreach (var refPath in CandidateValues.For(atoms, GitLabClaimNames.RefPath))
        {
            foreach (var prefix in new[] { "refs/heads/", "refs/tags/" })
            {
                if (refPath.StartsWith(prefix, StringComparison.Ordinal) && refPath.Length > prefix.Length)
                {
                    names.Add(refPath[prefix.Length..]);
                }
            }
        }

        foreach (var rule in victim.ProtectedBranches.Concat(victim.ProtectedTags))
        {
            names.Add(rule.Pattern.Replace("*", "x", StringComparison.Ordinal));
            names.Add(rule.Pattern.Replace("*", string.Empty, StringComparison.Ordinal) + "-evil");
        }

        // Git refs cannot hold ':', '*', '?', '[', spaces or '..'.
        return Distinct(names.Where(n => n.Length > 0 && !n.Any(c => c is ':' or '*' or '?' or '[' or ' ' or '~' or '^' or '\\') && !n.Contains("..", StringComparison.Ordinal)));
    }

    private static RefShape[] DeveloperRefs(VictimProject victim, IEnumerable<string> names, bool tags, List<string> assumptions)
    {
        if (!victim.SettingsKnown)
        {
            assumptions.Add(tags
                ? "tags are unprotected (GitLab's default; no protected tags were given)"
                : $"only '{victim.DefaultBranch}' is protected, for Maintainers (GitLab's default; no protected branches were given)");
        }

        var shapes = new List<RefShape>();
        foreach (var name in names)
        {
            var rule = Rule(victim, name, tags);
            if (rule is null)
            {
                shapes.Add(new RefShape(tags ? "tag" : "branch", name, false));
            }
            else if (rule.PushAccess.Any(DeveloperMay) || (!tags && rule.MergeAccess.Any(DeveloperMay)))
            {
                shapes.Add(new RefShape(tags ? "tag" : "branch", name, true));
            }
        }

        return [.. shapes];
    }

    private static bool DeveloperMay(GitLabAccessLevel level) => level is GitLabAccessLevel.Developer or GitLabAccessLevel.Reporter or GitLabAccessLevel.Guest;

    private static bool IsProtected(VictimProject victim, string name, bool tags) => Rule(victim, name, tags) is not null;

    /// <summary>The protection rule covering a ref; without settings, GitLab's default protects only the default branch.</summary>
    private static GitLabProtectedRef? Rule(VictimProject victim, string name, bool tags)
    {
        if (!victim.SettingsKnown)
        {
            return !tags && name == victim.DefaultBranch
                ? new GitLabProtectedRef { Pattern = name, PushAccess = [GitLabAccessLevel.Maintainer], MergeAccess = [GitLabAccessLevel.Maintainer], Source = new SourceRef("(GitLab default)", null) }
                : null;
        }

        var rules = tags ? victim.ProtectedTags : victim.ProtectedBranches;
        return rules.FirstOrDefault(r => new WildcardPattern(r.Pattern).IsMatch(name));
    }

    private static EnvShape[] DeveloperEnvironments(VictimProject victim, IEnumerable<string> names, IReadOnlyList<string> tiers, List<string> assumptions)
    {
        if (!victim.SettingsKnown)
        {
            assumptions.Add("environments are unprotected (GitLab's default; no protected environments were given)");
        }

        var shapes = new List<EnvShape>();
        foreach (var name in names)
        {
            var rule = victim.ProtectedEnvironments.FirstOrDefault(e => e.Name == name);
            if (rule is null)
            {
                shapes.AddRange(tiers.Select(t => new EnvShape(name, false, t)));
            }
            else if (rule.DeployAccess.Any(DeveloperMay))
            {
                shapes.AddRange(tiers.Select(t => new EnvShape(name, true, t)));
            }
        }

        return [.. shapes];
    }

    private static UserShape[] Users(AttackScenario scenario, PathValues values)
    {
        var level = scenario switch
        {
            AttackScenario.Anyone or AttackScenario.PathReclaimer => "owner",
            AttackScenario.GroupMember or AttackScenario.ProjectMaintainer => "maintainer",
            _ => "developer",
        };
        // Attackers are other users: never a login the trust names. The project's own pipelines run as its members.
        var logins = scenario == AttackScenario.ProjectMaintainer ? values.MaintainerLogins : values.AttackerLogins;
        var users = logins.Select((l, i) => new UserShape(l, l + "@attacker.example", (8000001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), level)).ToList();
        if (scenario == AttackScenario.ForkContributor)
        {
            // A parent member starts the fork's pipeline; its user claims are that member's.
            users.Add(users[0] with { AccessLevel = "maintainer" });
        }

        return [.. users];
    }

    private static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The values a path offers every scenario: candidates harvested from its atoms, around its victim.</summary>
    private sealed class PathValues
    {
        private readonly HashSet<string> _takenPaths;

        public PathValues(AttackPath path)
        {
            var victim = path.Victim;
            var atoms = path.Atoms;
            TakenIds = [.. atoms.Atoms.Where(a => a.Claim.EndsWith("_id", StringComparison.Ordinal)).Select(a => a.Literal), victim.Id, victim.NamespaceId];

            // Paths the trust names exactly are taken: they belong to someone already.
            _takenPaths = new HashSet<string>(
                atoms.Atoms.Where(a => a.Kind == AtomKind.Equals && a.Claim.EndsWith("_path", StringComparison.Ordinal)).Select(a => a.Literal),
                StringComparer.Ordinal);
            PathCandidates = PersonaCapabilities.PathCandidates(victim, atoms);
            RefNames = PersonaCapabilities.RefNames(victim, atoms);
            EnvironmentNames = Distinct([.. CandidateValues.For(atoms, GitLabClaimNames.Environment), "production", .. victim.ProtectedEnvironments.Select(e => e.Name)]);
            Tiers = Distinct([.. PersonaCapabilities.Tiers, .. CandidateValues.For(atoms, GitLabClaimNames.DeploymentTier)]);
            var harvestedSources = CandidateValues.For(atoms, GitLabClaimNames.PipelineSource).Where(s => s.All(c => char.IsAsciiLetterLower(c) || c == '_'));
            AllSources = [.. Distinct([.. PersonaCapabilities.AllSources, .. harvestedSources])];
            var hosted = path.Issuer.TrimEnd('/') == "https://gitlab.com";
            Runners = hosted ? ["gitlab-hosted", "self-hosted"] : ["self-hosted"];
            VictimComponents = [victim.Components];

            // Their own project: they choose its ci_id_token_sub_claim_components.
            var components = new List<IReadOnlyList<string>> { victim.Components };
            foreach (var atom in atoms.On(GitLabClaimNames.Subject))
            {
                if (SubPatterns.Components(atom.Literal) is { Count: > 0 } c && SubClaimRenderer.Validate(c) is null && !components.Any(x => x.SequenceEqual(c)))
                {
                    components.Add(c);
                }
            }

            if (!components.Any(x => x.SequenceEqual(SubClaimRenderer.DefaultComponents)))
            {
                components.Add(SubClaimRenderer.DefaultComponents);
            }

            OwnProjectComponents = components;
            MaintainerLogins = Distinct(["keyless-maintainer", .. atoms.On(GitLabClaimNames.UserLogin).Where(a => a.Kind == AtomKind.Equals).Select(a => a.Literal)]);
            AttackerLogins = Distinct(["keyless-attacker", .. CandidateValues.For(atoms, GitLabClaimNames.UserLogin).Where(l => !atoms.Atoms.Any(a => a.Kind == AtomKind.Equals && a.Literal == l))]);
        }

        public string[] TakenIds { get; }

        public List<string> PathCandidates { get; }

        public List<string> RefNames { get; }

        public List<string> EnvironmentNames { get; }

        public List<string> Tiers { get; }

        public string[] AllSources { get; }

        public string[] Runners { get; }

        public IReadOnlyList<IReadOnlyList<string>> VictimComponents { get; }

        public IReadOnlyList<IReadOnlyList<string>> OwnProjectComponents { get; }

        public List<string> MaintainerLogins { get; }

        public List<string> AttackerLogins { get; }

        public bool Taken(string projectPath) => _takenPaths.Contains(projectPath);
    }
}
