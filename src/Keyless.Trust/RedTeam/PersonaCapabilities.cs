using System.Runtime.CompilerServices;
using Keyless.Trust.GitLab;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// What each persona can make GitLab mint (spec §4), from the model of GitLab in <see cref="GitLab"/>, as a
/// <see cref="SearchSpace"/> for one path. Every value it offers is one GitLab can send for that persona: projects
/// only where the persona may own or work in them, refs and environment names GitLab accepts, the five tiers, real
/// pipeline sources, <c>ref_protected</c> and <c>environment_protected</c> as the victim's protections (or GitLab's
/// defaults) make them. <see cref="RealizabilityCheck"/> checks the result independently.
/// </summary>
public static class PersonaCapabilities
{
    /// <summary>What every scenario reads from a path, computed once per path rather than once per scenario.</summary>
    private static readonly ConditionalWeakTable<AttackPath, PathValues> Values = [];

    public static SearchSpace For(AttackScenario scenario, AttackPath path, GitLabWorld world, GitLabInstance? orgInstance = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(world);
        var victim = path.Victim;
        var values = Values.GetValue(path, p => new PathValues(p));
        var instance = scenario == AttackScenario.ProjectMaintainer && orgInstance is not null ? orgInstance : path.Instance;
        var assumptions = new List<string>();
        var own = scenario is AttackScenario.Anyone or AttackScenario.GroupMember or AttackScenario.PathReclaimer;

        if (scenario == AttackScenario.PathReclaimer && !victim.NamespaceKnown)
        {
            return SearchSpace.Empty(instance.Issuer, "the trust names no project or namespace path to reclaim");
        }

        // Whoever works in the victim, or in its group, attacks the project the pattern was read off: an assumption.
        if (victim.Assumption is { } guess && scenario is not AttackScenario.Anyone)
        {
            assumptions.Add(guess);
        }

        if (scenario == AttackScenario.GroupMember && victim.Project?.NamespaceKind == "user")
        {
            return SearchSpace.Empty(instance.Issuer, $"'{victim.NamespacePath}' is a user namespace: there is no group to be a member of");
        }

        if (scenario == AttackScenario.ForkContributor)
        {
            switch (victim.Project?.ForkPipelinesInParent)
            {
                case false:
                    return SearchSpace.Empty(instance.Issuer, "the project does not run fork pipelines in itself (ci_allow_fork_pipelines_to_run_in_parent_project is false)");
                case null:
                    assumptions.Add("fork merge request pipelines may run in the project (GitLab's default; ci_allow_fork_pipelines_to_run_in_parent_project was not given)");
                    break;
            }
        }

        var projects = ProjectCandidates.For(scenario, victim, values.PathCandidates, world, instance);
        var refEvents = scenario switch
        {
            _ when own => OwnRefEvents(values.RefNames),
            AttackScenario.ForkContributor => values.RefNames.Select(n => new RefEvent(new RefShape("branch", n, false), PipelineSources.MergeRequestEvent)).ToArray(),
            AttackScenario.DeveloperTag => DeveloperRefEvents(victim, values.RefNames, tags: true, assumptions),
            AttackScenario.DeveloperBranch or AttackScenario.DeveloperEnvironment => DeveloperRefEvents(victim, values.RefNames, tags: false, assumptions),
            _ => MaintainerRefEvents(victim, values.RefNames),
        };

        var envNames = values.EnvironmentNames;
        var tiers = GitLabEnvironments.Tiers;
        EnvShape[] environments = scenario switch
        {
            _ when own => [EnvShape.None, .. envNames.SelectMany(n => tiers.SelectMany(t => new[] { new EnvShape(n, true, t), new EnvShape(n, false, t) }))],
            AttackScenario.DeveloperBranch => [EnvShape.None],
            AttackScenario.DeveloperEnvironment => DeveloperEnvironments(victim, envNames, tiers, assumptions),
            AttackScenario.DeveloperTag or AttackScenario.ForkContributor => [EnvShape.None, .. DeveloperEnvironments(victim, envNames, tiers, assumptions)],
            _ => [EnvShape.None, .. envNames.SelectMany(n => tiers.Select(t => new EnvShape(n, victim.EnvironmentRuleFor(n) is not null, t)))],
        };


        // Every action only where the trust reads it: the job's YAML chooses it (environment:action).
        if (path.Atoms.ClaimsRead.Contains(Claims.GitLabClaimNames.EnvironmentAction))
        {
            environments = [.. environments.SelectMany(e => e.Name is null ? [e] : GitLabEnvironments.Actions.Select(a => e with { Action = a }))];
        }

        return new SearchSpace
        {
            Issuer = instance.Issuer,
            Projects = projects,
            RefEvents = refEvents,
            Environments = environments,
            Users = PersonaUsers.For(scenario, values.UserCandidates, world),
            Runners = instance.IsGitLabCom ? ["gitlab-hosted", "self-hosted"] : ["self-hosted"],
            ComponentSets = own ? values.OwnProjectComponents : values.VictimComponents,
            Assumptions = assumptions,
        };
    }

    /// <summary>In their own project a persona sets every protection: any ref, protected or not, from any source.</summary>
    private static RefEvent[] OwnRefEvents(IReadOnlyList<string> names)
    {
        var events = new List<RefEvent>();
        foreach (var source in PipelineSources.All)
        {
            foreach (var name in names)
            {
                if (source == PipelineSources.MergeRequestEvent)
                {
                    // Merge request pipelines run for the source branch on refs/merge-requests/…, never protected
                    // (Project#protected_for? is false for a ref that is neither a branch nor a tag).
                    events.Add(new RefEvent(new RefShape("branch", name, false), source));
                    continue;
                }

                events.Add(new RefEvent(new RefShape("branch", name, true), source));
                events.Add(new RefEvent(new RefShape("tag", name, true), source));
                events.Add(new RefEvent(new RefShape("branch", name, false), source));
                events.Add(new RefEvent(new RefShape("tag", name, false), source));
            }
        }

        return [.. events];
    }

    private static RefEvent[] DeveloperRefEvents(VictimProject victim, IReadOnlyList<string> names, bool tags, List<string> assumptions)
    {
        if (!victim.SettingsKnown)
        {
            assumptions.Add(tags
                ? "tags are unprotected (GitLab's default; no protected tags were given)"
                : $"only '{victim.DefaultBranch}' is protected, for Maintainers (GitLab's default; no protected branches were given)");
        }

        var refs = new List<RefShape>();
        foreach (var name in names)
        {
            var rule = victim.RuleFor(name, tags);
            if (rule is null)
            {
                refs.Add(new RefShape(tags ? "tag" : "branch", name, false));
            }
            else if (ProtectionRules.DeveloperMayPush(rule, tags))
            {
                refs.Add(new RefShape(tags ? "tag" : "branch", name, true));
            }
        }

        var events = new List<RefEvent>();
        foreach (var source in PipelineSources.Developer)
        {
            foreach (var r in refs)
            {
                if (source != PipelineSources.MergeRequestEvent)
                {
                    events.Add(new RefEvent(r, source));
                }
                else if (!tags)
                {
                    events.Add(new RefEvent(r with { Protected = false }, source));
                }
            }
        }

        return [.. events.Distinct()];
    }

    /// <summary>The project's own pipelines: every ref, protected exactly as its rules say.</summary>
    private static RefEvent[] MaintainerRefEvents(VictimProject victim, IReadOnlyList<string> names)
    {
        var events = new List<RefEvent>();
        foreach (var source in PipelineSources.Developer)
        {
            foreach (var name in names)
            {
                events.Add(new RefEvent(new RefShape("branch", name, source != PipelineSources.MergeRequestEvent && victim.RuleFor(name, tag: false) is not null), source));
                if (source != PipelineSources.MergeRequestEvent)
                {
                    events.Add(new RefEvent(new RefShape("tag", name, victim.RuleFor(name, tag: true) is not null), source));
                }
            }
        }

        return [.. events];
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
            var rule = victim.EnvironmentRuleFor(name);
            if (rule is null)
            {
                shapes.AddRange(tiers.Select(t => new EnvShape(name, false, t)));
            }
            else if (rule.DeployAccess.Any(ProtectionRules.DeveloperHas))
            {
                shapes.AddRange(tiers.Select(t => new EnvShape(name, true, t)));
            }
        }

        return [.. shapes];
    }

    /// <summary>The values a path offers every scenario: candidates harvested from its atoms, around its victim.</summary>
    private sealed class PathValues
    {
        public PathValues(AttackPath path)
        {
            var victim = path.Victim;
            var atoms = path.Atoms;
            PathCandidates = ProjectCandidates.Paths(victim, atoms);
            RefNames = RefCandidates(victim, atoms);
            EnvironmentNames = Distinct([.. CandidateValues.For(atoms, Claims.GitLabClaimNames.Environment), "production", "keyless-review",
                .. victim.ProtectedEnvironments.Select(e => e.Name)]).Where(GitLabEnvironments.IsValidName).ToList();
            VictimComponents = [victim.Components];
            OwnProjectComponents = SubComponentChoices(victim, atoms);
            UserCandidates = new PersonaUsers.Candidates(atoms);
        }

        public List<string> PathCandidates { get; }

        public List<string> RefNames { get; }

        public List<string> EnvironmentNames { get; }

        public IReadOnlyList<IReadOnlyList<string>> VictimComponents { get; }

        public IReadOnlyList<IReadOnlyList<string>> OwnProjectComponents { get; }

        public PersonaUsers.Candidates UserCandidates { get; }

        private static List<string> RefCandidates(VictimProject victim, AtomSet atoms)
        {
            var names = new List<string> { victim.DefaultBranch, "keyless-feature" };
            names.AddRange(CandidateValues.For(atoms, Claims.GitLabClaimNames.Ref));
            foreach (var refPath in CandidateValues.For(atoms, Claims.GitLabClaimNames.RefPath))
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

            // A literal that is no valid ref ('release/') becomes one that starts the same way ('release/x').
            var fixedUp = names.Select(n => GitRefNames.IsValid(n) ? n : GitRefNames.IsValid(n + "x") ? n + "x" : n);
            return Distinct(fixedUp.Where(GitRefNames.IsValid));
        }

        /// <summary>In their own project a persona chooses <c>ci_id_token_sub_claim_components</c> (any list GitLab accepts).</summary>
        private static List<IReadOnlyList<string>> SubComponentChoices(VictimProject victim, AtomSet atoms)
        {
            var components = new List<IReadOnlyList<string>> { victim.Components };
            foreach (var atom in atoms.On(Claims.GitLabClaimNames.Subject))
            {
                if (SubPatterns.Components(atom.Literal) is { Count: > 0 } c && Claims.SubClaimRenderer.Validate(c) is null && !components.Any(x => x.SequenceEqual(c)))
                {
                    components.Add(c);
                }
            }

            if (!components.Any(x => x.SequenceEqual(Claims.SubClaimRenderer.DefaultComponents)))
            {
                components.Add(Claims.SubClaimRenderer.DefaultComponents);
            }

            return components;
        }
    }

    internal static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToList();
}
