namespace Keyless.Trust.Claims;

/// <summary>What the pin-worthy GitLab claims mean for trust (gitlab-claims-and-attacks §2), for decode and audit.</summary>
public static class ClaimMeanings
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [GitLabClaimNames.Issuer] = "The GitLab instance. gitlab.com is shared by every tenant, so the issuer alone proves nothing.",
        [GitLabClaimNames.Audience] = "Chosen in .gitlab-ci.yml (id_tokens: aud). Use one audience per cloud and trust tier, never the instance URL.",
        [GitLabClaimNames.Subject] = "Rendered from ci_id_token_sub_claim_components (default project_path, ref_type, ref); absent components are dropped.",
        [GitLabClaimNames.ProjectId] = "Immutable, never reused: the best project pin. In merge request pipelines, the source (fork) project.",
        [GitLabClaimNames.ProjectPath] = "A name: renamed, transferred or re-registered paths mint the same value. Pin project_id too.",
        [GitLabClaimNames.NamespaceId] = "Immutable id of the project's immediate namespace (not the top-level group).",
        [GitLabClaimNames.NamespacePath] = "Full path of the immediate namespace; a prefix match also admits grp-evil and subgroups.",
        [GitLabClaimNames.JobProjectId] = "The project the job runs in; for a fork merge request pipeline that is the parent. Never pin on it alone.",
        [GitLabClaimNames.Ref] = "Branch or tag name, chosen by whoever pushes. A tag can be named like a protected branch.",
        [GitLabClaimNames.RefType] = "branch or tag. Pin it with ref, or use ref_path.",
        [GitLabClaimNames.RefPath] = "refs/heads/NAME or refs/tags/NAME: the best single ref pin.",
        [GitLabClaimNames.RefProtected] = "\"true\" when a protected branch or tag rule matches; only as strong as who may push to it.",
        [GitLabClaimNames.Environment] = "Written in YAML by whoever controls the pipeline; proves nothing without environment_protected.",
        [GitLabClaimNames.EnvironmentProtected] = "\"true\" only for a protected environment (Premium/Ultimate): server-side policy.",
        [GitLabClaimNames.DeploymentTier] = "Written in YAML; group-level protected environments key on it.",
        [GitLabClaimNames.PipelineSource] = "push, web, schedule, merge_request_event, …; web/api/trigger can be started by many users.",
        [GitLabClaimNames.UserLogin] = "Changeable by the user: never the only pin.",
        [GitLabClaimNames.UserEmail] = "Changeable by the user: never the only pin.",
        [GitLabClaimNames.RunnerEnvironment] = "gitlab-hosted or self-hosted.",
        [GitLabClaimNames.RunnerId] = "A number, not a string: wrap it in string() in a GCP mapping.",
        [GitLabClaimNames.GroupsDirect] = "An array of the user's direct groups; omitted above 200 groups.",
    };
}
