using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.GitLab;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Could GitLab mint these claims for this persona? Checked from the claims alone against the model of GitLab
/// (<see cref="GitLab"/>) and what the inputs say about projects and protections, independently of how the search
/// built them. Every persona witness passes here before it is reported; one that does not is a generator bug.
/// </summary>
public sealed class RealizabilityCheck(GitLabWorld world)
{
    private static readonly string[] RequiredStrings =
    [
        GitLabClaimNames.NamespaceId, GitLabClaimNames.NamespacePath, GitLabClaimNames.ProjectId, GitLabClaimNames.ProjectPath,
        GitLabClaimNames.JobProjectId, GitLabClaimNames.JobProjectPath, GitLabClaimNames.JobNamespaceId, GitLabClaimNames.JobNamespacePath,
        GitLabClaimNames.UserId, GitLabClaimNames.UserLogin, GitLabClaimNames.UserEmail, GitLabClaimNames.PipelineId,
        GitLabClaimNames.PipelineSource, GitLabClaimNames.JobId, GitLabClaimNames.Ref, GitLabClaimNames.RefType,
        GitLabClaimNames.RefPath, GitLabClaimNames.RefProtected, GitLabClaimNames.RunnerEnvironment, GitLabClaimNames.Sha,
        GitLabClaimNames.ProjectVisibility, GitLabClaimNames.Issuer, GitLabClaimNames.Subject,
    ];

    private static readonly string[] Ids =
    [
        GitLabClaimNames.NamespaceId, GitLabClaimNames.ProjectId, GitLabClaimNames.JobProjectId, GitLabClaimNames.JobNamespaceId,
        GitLabClaimNames.UserId, GitLabClaimNames.PipelineId, GitLabClaimNames.JobId,
    ];

    /// <summary>
    /// Checks one token. <paramref name="persona"/> null means the project's own maintainers (the legitimate jobs);
    /// <paramref name="instance"/> is the GitLab whose <c>iss</c> the token must carry.
    /// </summary>
    public Realizability Check(JsonObject claims, Persona? persona, VictimProject victim, GitLabInstance instance)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(victim);
        ArgumentNullException.ThrowIfNull(instance);
        var problems = new List<string>();
        var c = new ClaimReader(claims, problems);
        foreach (var name in RequiredStrings)
        {
            c.Required(name);
        }

        if (problems.Count > 0)
        {
            return new Realizability(problems);
        }

        Values(c, instance, problems);
        Projects(c, persona, victim, instance, problems);
        Refs(c, persona, victim, problems);
        Environment(c, persona, victim, problems);
        Users(c, persona, problems);
        Subject(c, persona, victim, claims, problems);
        return problems.Count == 0 ? Realizability.Yes : new Realizability(problems);
    }

    /// <summary>Values GitLab can send at all, whoever runs the job.</summary>
    private static void Values(ClaimReader c, GitLabInstance instance, List<string> problems)
    {
        if (c[GitLabClaimNames.Issuer] != instance.Issuer)
        {
            problems.Add($"iss is '{c[GitLabClaimNames.Issuer]}', but every token of {(instance.IsGitLabCom ? "GitLab.com" : "this instance")} carries '{instance.Issuer}'");
        }

        if (!c.AudienceIsValid())
        {
            problems.Add("aud must be a non-empty string or an array of them (id_tokens:aud)");
        }

        foreach (var id in Ids)
        {
            if (!IsId(c[id]!))
            {
                problems.Add($"{id} '{c[id]}' is not a database id (a positive decimal number)");
            }
        }

        if (!c.IsInteger(GitLabClaimNames.RunnerId))
        {
            problems.Add("runner_id must be an integer (jwt_v2.rb: runner.id)");
        }

        if (!PipelineSources.IsValid(c[GitLabClaimNames.PipelineSource]!))
        {
            problems.Add($"pipeline_source '{c[GitLabClaimNames.PipelineSource]}' is not one GitLab sends");
        }

        if (c[GitLabClaimNames.RunnerEnvironment] is var runner && runner is not ("self-hosted" or "gitlab-hosted"))
        {
            problems.Add($"runner_environment '{runner}' is neither gitlab-hosted nor self-hosted");
        }
        else if (runner == "gitlab-hosted" && !instance.IsGitLabCom)
        {
            problems.Add("runner_environment gitlab-hosted exists only on GitLab.com");
        }

        if (!GitLabUsers.Visibilities.Contains(c[GitLabClaimNames.ProjectVisibility]!, StringComparer.Ordinal))
        {
            problems.Add($"project_visibility '{c[GitLabClaimNames.ProjectVisibility]}' is not private, internal or public");
        }

        if (c.Optional(GitLabClaimNames.UserAccessLevel) is { } level && !GitLabUsers.AccessLevels.Contains(level, StringComparer.Ordinal))
        {
            problems.Add($"user_access_level '{level}' is not a GitLab role");
        }

        if (c.Optional(GitLabClaimNames.CiConfigRefUri) is { } uri
            && !(uri.StartsWith(instance.Host + "/", StringComparison.Ordinal) && uri.EndsWith("@" + c[GitLabClaimNames.RefPath], StringComparison.Ordinal)
                 && (uri.Contains("/" + c[GitLabClaimNames.ProjectPath] + "//", StringComparison.Ordinal) || uri.Contains("/" + c[GitLabClaimNames.JobProjectPath] + "//", StringComparison.Ordinal))))
        {
            problems.Add($"ci_config_ref_uri '{uri}' is not {instance.Host}/<project path>//<file>@{c[GitLabClaimNames.RefPath]}");
        }
    }

    private void Projects(ClaimReader c, Persona? persona, VictimProject victim, GitLabInstance instance, List<string> problems)
    {
        var (id, path, nsId, ns) = (c[GitLabClaimNames.ProjectId]!, c[GitLabClaimNames.ProjectPath]!, c[GitLabClaimNames.NamespaceId]!, c[GitLabClaimNames.NamespacePath]!);
        var (jobId, jobPath, jobNsId, jobNs) = (c[GitLabClaimNames.JobProjectId]!, c[GitLabClaimNames.JobProjectPath]!, c[GitLabClaimNames.JobNamespaceId]!, c[GitLabClaimNames.JobNamespacePath]!);
        foreach (var (p, n, what) in new[] { (path, ns, "project"), (jobPath, jobNs, "job_project") })
        {
            if (!GitLabPaths.IsValidProjectPath(p))
            {
                problems.Add($"{what}_path '{p}' is not a path GitLab accepts");
            }
            else if (GitLabPaths.NamespaceOf(p) != n)
            {
                problems.Add($"{what}_path '{p}' does not lie directly in namespace '{n}'");
            }
        }

        var inVictim = (jobId, jobPath, jobNsId, jobNs) == (victim.Id, victim.Path, victim.NamespaceId, victim.NamespacePath);
        var ownIsJob = (id, path, nsId, ns) == (jobId, jobPath, jobNsId, jobNs);
        var isVictim = ownIsJob && inVictim;
        switch (persona)
        {
            case null or Persona.Developer:
                if (!isVictim)
                {
                    problems.Add($"a {(persona is null ? "project maintainer" : "Developer")} runs pipelines in the victim project ({victim.Path}, id {victim.Id}) only");
                }

                break;
            case Persona.ForkContributor:
                if (!inVictim)
                {
                    problems.Add("a fork's merge request pipeline runs in the parent: job_project_* must be the victim's");
                }

                OutsiderProject(id, path, nsId, ns, victim, "the fork", problems);
                break;
            case Persona.Anyone:
                if (!ownIsJob)
                {
                    problems.Add("outside a fork's merge request pipeline, project_* and job_project_* are the same project");
                }

                OutsiderProject(id, path, nsId, ns, victim, "an outsider's project", problems);
                break;
            case Persona.GroupMember:
                if (!ownIsJob)
                {
                    problems.Add("outside a fork's merge request pipeline, project_* and job_project_* are the same project");
                }

                if (!GitLabPaths.IsWithin(path, victim.TopGroup) || string.Equals(path, victim.Path, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"a group member's other project lies in '{victim.TopGroup}' and is not the victim");
                }

                if (world.IsTakenProjectPath(path) || world.IsTakenId(id))
                {
                    problems.Add($"project '{path}' (id {id}) belongs to someone else");
                }

                if (NamespaceIdFor(ns, victim) is { } known ? known != nsId : world.IsTakenId(nsId))
                {
                    problems.Add($"namespace_id {nsId} is not the id of '{ns}'");
                }

                break;
            case Persona.PathReclaimer:
                if (!ownIsJob || !victim.NamespaceKnown || path != victim.Path || ns != victim.NamespacePath)
                {
                    problems.Add($"a path reclaimer registers the victim's own path '{victim.Path}' again");
                }

                if (id == victim.Id || nsId == victim.NamespaceId || world.IsTakenId(id) || world.IsTakenId(nsId))
                {
                    problems.Add("a reclaimed path comes with new project and namespace ids; ids are never reused");
                }

                break;
        }

        // Own projects: the persona picks the visibility (GitLab.com offers no internal to new projects); the victim's is its own.
        var visibility = c[GitLabClaimNames.ProjectVisibility];
        if ((persona is null or Persona.Developer or Persona.ForkContributor) && visibility != victim.Visibility)
        {
            problems.Add($"project_visibility is the project's own ('{victim.Visibility}'), not '{visibility}'");
        }
        else if (persona is Persona.Anyone or Persona.GroupMember or Persona.PathReclaimer && instance.IsGitLabCom && visibility == "internal")
        {
            problems.Add("GitLab.com offers no internal visibility to new projects");
        }
    }

    private void OutsiderProject(string id, string path, string nsId, string ns, VictimProject victim, string what, List<string> problems)
    {
        if (!world.OutsiderMayOwn(ns) || string.Equals(GitLabPaths.TopOf(ns), victim.TopGroup, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{what} '{path}' lies in '{GitLabPaths.TopOf(ns)}', which belongs to someone else (the victim's group, or named by the trust or inputs)");
        }

        if (world.IsTakenProjectPath(path) || world.IsTakenId(id) || world.IsTakenId(nsId) || id == victim.Id || nsId == victim.NamespaceId)
        {
            problems.Add($"{what} '{path}' needs new ids and a path nobody holds");
        }
    }

    private string? NamespaceIdFor(string ns, VictimProject victim) =>
        ns == victim.NamespacePath ? victim.NamespaceId : world.NamespaceIdOf(ns);

    private static void Refs(ClaimReader c, Persona? persona, VictimProject victim, List<string> problems)
    {
        var (name, type, refPath, isProtected, source) = (c[GitLabClaimNames.Ref]!, c[GitLabClaimNames.RefType]!, c[GitLabClaimNames.RefPath]!, c[GitLabClaimNames.RefProtected]!, c[GitLabClaimNames.PipelineSource]!);
        if (type is not ("branch" or "tag"))
        {
            problems.Add($"ref_type '{type}' is neither branch nor tag");
            return;
        }

        if (GitRefNames.Problem(name) is { } why)
        {
            problems.Add($"ref '{name}': {why}");
        }

        if (refPath != (type == "tag" ? "refs/tags/" : "refs/heads/") + name)
        {
            problems.Add($"ref_path '{refPath}' does not follow from ref_type '{type}' and ref '{name}'");
        }

        if (isProtected is not ("true" or "false"))
        {
            problems.Add($"ref_protected '{isProtected}' is neither \"true\" nor \"false\"");
            return;
        }

        var mergeRequest = source == PipelineSources.MergeRequestEvent;
        if (mergeRequest && (type != "branch" || isProtected != "false"))
        {
            problems.Add("a merge request pipeline runs for its source branch on refs/merge-requests/…, which is never protected");
        }

        var tag = type == "tag";
        var rule = victim.RuleFor(name, tag);
        switch (persona)
        {
            case Persona.Developer:
                if (!PipelineSources.Developer.Contains(source, StringComparer.Ordinal))
                {
                    problems.Add($"a Developer does not start '{source}' pipelines");
                }

                var pushable = rule is null || ProtectionRules.DeveloperMayPush(rule, tag);
                if (!pushable)
                {
                    problems.Add($"a Developer cannot push or create the protected {type} '{name}'");
                }
                else if (!mergeRequest && (isProtected == "true") != (rule is not null))
                {
                    problems.Add($"ref_protected is \"{(rule is not null ? "true" : "false")}\" for {type} '{name}' in this project");
                }

                break;
            case null:
                if (!mergeRequest && (isProtected == "true") != (rule is not null))
                {
                    problems.Add($"ref_protected is \"{(rule is not null ? "true" : "false")}\" for {type} '{name}' in this project");
                }

                break;
            case Persona.ForkContributor when !mergeRequest:
                problems.Add("a fork contributor's pipeline in the parent is a merge request pipeline");
                break;
        }
    }

    private static void Environment(ClaimReader c, Persona? persona, VictimProject victim, List<string> problems)
    {
        var name = c.Optional(GitLabClaimNames.Environment);
        string[] dependent = [GitLabClaimNames.EnvironmentProtected, GitLabClaimNames.DeploymentTier, GitLabClaimNames.EnvironmentAction];
        if (name is null)
        {
            if (dependent.Any(c.Has))
            {
                problems.Add("environment_protected, deployment_tier and environment_action come only with environment");
            }

            return;
        }

        if (!GitLabEnvironments.IsValidName(name))
        {
            problems.Add($"environment '{name}' is not a name GitLab accepts");
        }

        if (c.Optional(GitLabClaimNames.DeploymentTier) is not { } tier || !GitLabEnvironments.IsTier(tier))
        {
            problems.Add($"deployment_tier '{c.Optional(GitLabClaimNames.DeploymentTier)}' is not one of {string.Join(", ", GitLabEnvironments.Tiers)}");
        }

        if (c.Optional(GitLabClaimNames.EnvironmentAction) is not { } action || !GitLabEnvironments.Actions.Contains(action, StringComparer.Ordinal))
        {
            problems.Add($"environment_action '{c.Optional(GitLabClaimNames.EnvironmentAction)}' is not one GitLab sends");
        }

        var isProtected = c.Optional(GitLabClaimNames.EnvironmentProtected);
        if (isProtected is not ("true" or "false"))
        {
            problems.Add($"environment_protected '{isProtected}' is neither \"true\" nor \"false\"");
            return;
        }

        if (persona is Persona.Anyone or Persona.GroupMember or Persona.PathReclaimer)
        {
            return; // Their own project: they protect what they like.
        }

        var rule = victim.EnvironmentRuleFor(name);
        if ((isProtected == "true") != (rule is not null))
        {
            problems.Add($"environment_protected is \"{(rule is not null ? "true" : "false")}\" for environment '{name}' in this project");
        }
        else if (persona is Persona.Developer or Persona.ForkContributor && rule is not null && !rule.DeployAccess.Any(ProtectionRules.DeveloperHas))
        {
            problems.Add($"a Developer cannot deploy to the protected environment '{name}'");
        }
    }

    private void Users(ClaimReader c, Persona? persona, List<string> problems)
    {
        var (login, email, level) = (c[GitLabClaimNames.UserLogin]!, c[GitLabClaimNames.UserEmail]!, c.Optional(GitLabClaimNames.UserAccessLevel));
        if (persona is not null && (world.IsNamedLogin(login) || world.IsNamedEmail(email)))
        {
            problems.Add($"user '{login}' <{email}> is someone the trust names, not the attacker");
        }

        if (persona is Persona.Anyone or Persona.PathReclaimer && GitLabUsers.DomainOf(email) is { } domain
            && world.OrgDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"an outsider's confirmed address is not at the organisation's domain ({domain})");
        }

        var expected = persona switch
        {
            Persona.Developer => [GitLabUsers.Developer],
            Persona.ForkContributor => [null],
            null => [GitLabUsers.Maintainer, GitLabUsers.Owner],
            _ => GitLabUsers.PipelineRoles.Cast<string?>().ToArray(),
        };
        if (!expected.Contains(level))
        {
            problems.Add($"user_access_level '{level ?? "null"}' is not this persona's role in project_* ({string.Join(", ", expected.Select(e => e ?? "none"))})");
        }
    }

    private static void Subject(ClaimReader c, Persona? persona, VictimProject victim, JsonObject claims, List<string> problems)
    {
        var sub = c[GitLabClaimNames.Subject]!;

        // The components are those of the project the job runs in (Ci::Build#id_tokens_variables): the victim's, or
        // in the persona's own project any list GitLab accepts.
        if (persona is null or Persona.Developer or Persona.ForkContributor)
        {
            if (SubClaimRenderer.Render(claims, victim.Components) != sub)
            {
                problems.Add($"sub '{sub}' is not rendered from the project's components [{string.Join(", ", victim.Components)}]");
            }

            return;
        }

        var components = SubPatterns.Components(sub);
        if (components is null || SubClaimRenderer.Validate(components) is not null || SubClaimRenderer.Render(claims, components) != sub)
        {
            problems.Add($"sub '{sub}' is not rendered from any ci_id_token_sub_claim_components GitLab accepts");
        }
    }

    private static bool IsId(string value) =>
        value.Length is > 0 and <= 19 && value[0] != '0' && value.All(char.IsAsciiDigit);
}
