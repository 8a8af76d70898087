using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>
/// The fix for a persona finding in the user's own terms: the CEL condition that closes it on GCP, the exact
/// subject and sub components on Azure, the trust policy condition on AWS, and the GitLab setting to change (gitlab-claims-and-attacks §3).
/// </summary>
public static class FixAdvisor
{
    public static string For(AttackScenario scenario, AttackPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var v = path.Victim;
        var branch = v.DefaultBranch;
        var key = Keyless.Trust.Model.AwsOidcProvider.NormalizeUrl(path.Issuer);
        var cloud = path.Identity.Aws is not null
            ? $"trust policy: \"Condition\": {{\"StringEquals\": {{\"{key}:aud\": \"{path.Audience}\", \"{key}:sub\": \"project_id:{v.FixId}:ref_type:branch:ref:{branch}\"}}}} after setting the project's ci_id_token_sub_claim_components to [\"project_id\",\"ref_type\",\"ref\"] (PUT /projects/{v.FixId}); no StringLike on sub"
            : path.Credential is not null
            ? $"use a standard credential with subject 'project_id:{v.FixId}:ref_type:branch:ref:{branch}' after setting the project's ci_id_token_sub_claim_components to [\"project_id\",\"ref_type\",\"ref\"] (PUT /projects/{v.FixId}); drop wildcard claimsMatchingExpression credentials"
            : $"attribute condition: assertion.project_id == '{v.FixId}' && assertion.ref_type == 'branch' && assertion.ref == '{branch}' && assertion.ref_protected == 'true'";
        var gitlab = scenario switch
        {
            AttackScenario.Anyone or AttackScenario.GroupMember =>
                "pin the project by id: paths, prefixes and wildcards admit other projects",
            AttackScenario.ForkContributor =>
                "pin project_id, never job_project_id alone (a fork's merge request pipeline runs in the parent); or require pipeline_source != 'merge_request_event'; in GitLab, turn off ci_allow_fork_pipelines_to_run_in_parent_project",
            AttackScenario.DeveloperTag =>
                "require ref_type 'branch' (a tag can be named like a branch), or protect tags in GitLab (Settings > Repository > Protected tags, '*' for Maintainers)",
            AttackScenario.DeveloperBranch =>
                $"require the protected ref: any Developer can push an unprotected branch; keep '{branch}' protected with push and merge for Maintainers only",
            AttackScenario.DeveloperEnvironment => path.Credential is not null
                ? "environment names are written in YAML by any pusher: add environment_protected and deployment_tier to the sub components and protect the environment in GitLab (Settings > CI/CD > Protected environments)"
                : "require assertion.environment_protected == 'true' with the environment, and protect it in GitLab (Settings > CI/CD > Protected environments)",
            AttackScenario.PathReclaimer =>
                $"pin project_id '{v.FixId}' (and namespace_id '{v.FixNamespaceId}'): paths can be registered again after a rename or deletion; GitLab 19.1 blocks ID tokens for reclaimed paths",
            _ => "narrow the trust to the tokens the project's protected pipelines mint",
        };
        return $"{Capitalize(gitlab)}. {Capitalize(cloud)}.";
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
