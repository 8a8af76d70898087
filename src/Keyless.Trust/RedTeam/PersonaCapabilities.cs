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
    /// <summary>
    /// The space of one scenario on one path, as the search tries it: a dimension whose claims the path's trust does
    /// not read (<see cref="SearchDimensions"/>) holds only its first value, the one the search keeps.
    /// <paramref name="values"/> are the path's candidates, which every scenario shares: the engine computes them once
    /// per path and passes them in.
    /// </summary>
    public static SearchSpace For(AttackScenario scenario, AttackPath path, GitLabWorld world, GitLabInstance? orgInstance = null, PathCandidates? values = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(world);
        var victim = path.Victim;
        values ??= new PathCandidates(path);
        var instance = scenario == AttackScenario.ProjectMaintainer && orgInstance is not null ? orgInstance : path.Instance;
        var assumptions = new List<string>();
        var own = scenario is AttackScenario.Anyone or AttackScenario.GroupMember or AttackScenario.PathReclaimer;

        // The trust names no project or namespace path to reclaim.
        if (scenario == AttackScenario.PathReclaimer && !victim.NamespaceKnown)
        {
            return SearchSpace.Empty(instance.Issuer);
        }

        // A project in a user namespace: there is no group to be a member of.
        if (scenario == AttackScenario.GroupMember && victim.Project?.NamespaceKind == "user")
        {
            return SearchSpace.Empty(instance.Issuer);
        }

        // Whoever works in the victim, or in its group, attacks the project the pattern was read off: an assumption.
        if (victim.Assumption is { } guess && scenario is not AttackScenario.Anyone)
        {
            assumptions.Add(guess);
        }

        if (scenario == AttackScenario.ForkContributor)
        {
            switch (victim.Project?.ForkPipelinesInParent)
            {
                case false: // The project does not run fork pipelines in itself.
                    return SearchSpace.Empty(instance.Issuer);
                case null:
                    assumptions.Add("fork merge request pipelines may run in the project (GitLab's default; ci_allow_fork_pipelines_to_run_in_parent_project was not given)");
                    break;
            }
        }

        var outsiderPaths = scenario is AttackScenario.Anyone or AttackScenario.ForkContributor ? values.OutsiderPaths(victim, world) : null;
        // The victim's own project, for every persona that works in it, is one list per path (so are its classes).
        var projects = ProjectCandidates.InVictim(scenario)
            ? values.VictimProjects(static v => ProjectCandidates.Victim(v.Victim))
            : ProjectCandidates.For(scenario, victim, values.ProjectPaths, world, instance, outsiderPaths);
        var refEvents = scenario switch
        {
            _ when own => values.OwnRefEvents(static v => OwnRefEvents(v.RefNames, v.ReadsSource ? PipelineSources.All : [PipelineSources.Push])),
            AttackScenario.ForkContributor => values.RefNames.Select(n => new RefEvent(new RefShape("branch", n, false), PipelineSources.MergeRequestEvent)).ToArray(),
            AttackScenario.DeveloperTag => DeveloperRefEvents(victim, values, tags: true, assumptions),
            AttackScenario.DeveloperBranch or AttackScenario.DeveloperEnvironment => DeveloperRefEvents(victim, values, tags: false, assumptions),
            _ => MaintainerRefEvents(victim, values.RefNames, values.ReadsSource),
        };

        // The search keeps the first value of a dimension the trust does not read: only that one is built (with the
        // assumptions the whole dimension would have added).
        var componentSets = own ? values.OwnProjectComponents : values.VictimComponents;
        var varies = values.Dimensions(componentSets);
        EnvShape[] environments = scenario switch
        {
            // Every scenario but a Developer's deployment offers "no environment" first (and that one may offer none).
            _ when !varies.Environments && scenario is not AttackScenario.DeveloperEnvironment => NoEnvironment(scenario, victim, assumptions),
            AttackScenario.DeveloperBranch => OnlyNoEnvironment,
            _ => Environments(scenario, own, values, assumptions),
        };

        return new SearchSpace
        {
            Issuer = instance.Issuer,
            Projects = projects,
            RefEvents = refEvents,
            Environments = environments,
            Users = varies.Users ? PersonaUsers.For(scenario, values.UserCandidates, world) : [PersonaUsers.First(scenario, world)],
            Runners = instance.IsGitLabCom ? GitLabComRunners : SelfManagedRunners,
            ComponentSets = componentSets,
            Assumptions = assumptions,
        };
    }

    private static readonly string[] GitLabComRunners = ["gitlab-hosted", "self-hosted"];

    private static readonly string[] SelfManagedRunners = ["self-hosted"];

    /// <summary>In their own project a persona sets every protection: any ref, protected or not, from any source.</summary>
    private static RefEvent[] OwnRefEvents(IReadOnlyList<string> names, IReadOnlyList<string> sources)
    {
        var events = new List<RefEvent>();
        foreach (var source in sources)
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

    private static RefEvent[] DeveloperRefEvents(VictimProject victim, PathCandidates values, bool tags, List<string> assumptions)
    {
        if (!victim.SettingsKnown)
        {
            assumptions.Add(tags
                ? "tags are unprotected (GitLab's default; no protected tags were given)"
                : $"only '{victim.DefaultBranch}' is protected, for Maintainers (GitLab's default; no protected branches were given)");
        }

        return values.DeveloperRefEvents(tags, static (v, tags) => DeveloperRefEvents(v.Victim, v.RefNames, tags, v.ReadsSource));
    }

    private static RefEvent[] DeveloperRefEvents(VictimProject victim, IReadOnlyList<string> names, bool tags, bool readsSource)
    {
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
        foreach (var source in readsSource ? PipelineSources.Developer : [PipelineSources.Push])
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
    private static RefEvent[] MaintainerRefEvents(VictimProject victim, IReadOnlyList<string> names, bool readsSource)
    {
        var events = new List<RefEvent>();
        foreach (var source in readsSource ? PipelineSources.Developer : [PipelineSources.Push])
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

    private static readonly EnvShape[] OnlyNoEnvironment = [EnvShape.None];

    /// <summary>Which environments a scenario may deploy to; the lists are the path's, made once for every scenario that offers them.</summary>
    private static EnvShape[] Environments(AttackScenario scenario, bool own, PathCandidates values, List<string> assumptions)
    {
        if (scenario is AttackScenario.DeveloperEnvironment or AttackScenario.DeveloperTag or AttackScenario.ForkContributor)
        {
            DeveloperEnvironmentsAssumption(values.Victim, assumptions);
        }

        var kind = own ? PathCandidates.EnvironmentChoice.Own
            : scenario == AttackScenario.DeveloperEnvironment ? PathCandidates.EnvironmentChoice.Developer
            : scenario is AttackScenario.DeveloperTag or AttackScenario.ForkContributor ? PathCandidates.EnvironmentChoice.NoneOrDeveloper
            : PathCandidates.EnvironmentChoice.Maintainer;
        return values.Environments(kind, static (v, kind) => WithActions(v, kind switch
        {
            // In their own project a persona protects any environment, or not.
            PathCandidates.EnvironmentChoice.Own => [EnvShape.None, .. v.EnvironmentNames.SelectMany(n => GitLabEnvironments.Tiers.SelectMany(t => new[] { new EnvShape(n, true, t), new EnvShape(n, false, t) }))],
            PathCandidates.EnvironmentChoice.Developer => DeveloperEnvironments(v.Victim, v.EnvironmentNames),
            PathCandidates.EnvironmentChoice.NoneOrDeveloper => [EnvShape.None, .. DeveloperEnvironments(v.Victim, v.EnvironmentNames)],
            _ => [EnvShape.None, .. v.EnvironmentNames.SelectMany(n => GitLabEnvironments.Tiers.Select(t => new EnvShape(n, v.Victim.EnvironmentRuleFor(n) is not null, t)))],
        }));
    }

    /// <summary>Every action only where the trust reads it: the job's YAML chooses it (environment:action).</summary>
    private static EnvShape[] WithActions(PathCandidates values, EnvShape[] environments) =>
        values.ReadsAction ? [.. environments.SelectMany(e => e.Name is null ? [e] : GitLabEnvironments.Actions.Select(a => e with { Action = a }))] : environments;

    private static EnvShape[] DeveloperEnvironments(VictimProject victim, IEnumerable<string> names)
    {
        var tiers = GitLabEnvironments.Tiers;
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

    /// <summary>The first of the environments below, for a trust that reads none of their claims, with the same assumptions.</summary>
    private static EnvShape[] NoEnvironment(AttackScenario scenario, VictimProject victim, List<string> assumptions)
    {
        if (scenario is AttackScenario.DeveloperTag or AttackScenario.ForkContributor)
        {
            DeveloperEnvironmentsAssumption(victim, assumptions);
        }

        return [EnvShape.None];
    }

    /// <summary>What <see cref="DeveloperEnvironments"/> rests on when the victim's settings were not given.</summary>
    private static void DeveloperEnvironmentsAssumption(VictimProject victim, List<string> assumptions)
    {
        if (!victim.SettingsKnown)
        {
            assumptions.Add("environments are unprotected (GitLab's default; no protected environments were given)");
        }
    }

    internal static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToList();
}
