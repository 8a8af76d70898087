using Keyless.Plan.Intent;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Model;

namespace Keyless.Plan.Design;

/// <summary>
/// The AWS part of the design: the OIDC provider for the issuer, and per role a trust policy of exact subjects, checked
/// against the account's trust policy size quota; and what AWS cannot enforce, said as notes.
/// </summary>
internal static class AwsDesigner
{
    public static AwsDesign Design(PlanIntent intent, AwsIntent aws)
    {
        var design = new AwsDesign(aws.AccountId, AwsOidcProvider.NormalizeUrl(intent.Issuer),
            aws.Audience ?? IntentValidator.DefaultAwsAudience, []);
        var roles = new List<AwsRoleDesign>();
        for (var i = 0; i < aws.Roles.Count; i++)
        {
            var role = aws.Roles[i];
            var subjects = PlannedSubjects.For(intent, role.Grant);
            var policy = AwsTrustDocument.Json(design, subjects);
            var size = AwsTrustDocument.Size(policy);
            if (size > aws.TrustPolicySizeQuota)
            {
                // What one statement costs, to say how many roles the subjects need.
                var each = (size - AwsTrustDocument.Size(AwsTrustDocument.Json(design, []))) / subjects.Count;
                var fit = Math.Max(1, (aws.TrustPolicySizeQuota - AwsTrustDocument.Size(AwsTrustDocument.Json(design, []))) / Math.Max(1, each));
                throw new InputException(intent.File,
                    $"role {role.Name}'s trust policy would be {size} characters ({subjects.Count} statement(s): one per project, ref and tier); "
                    + $"the account's trust policy size quota is {aws.TrustPolicySizeQuota} (IAM's AssumeRolePolicySizeQuota, 2048 unless raised; "
                    + $"set aws.trust_policy_size_quota once it is). Split it into roles of at most {fit} statements each (for example one per "
                    + "project, or one for branches and one for tags), or list fewer refs",
                    role.Position.Line, role.Position.Column, $"aws.roles[{i}]");
            }

            var projects = string.Join(", ", subjects.Select(s => s.Project.Path).Distinct());
            roles.Add(new AwsRoleDesign(role.Name, role.Path, role.MaxSessionDuration,
                $"arn:aws:iam::{aws.AccountId}:role{role.Path}{role.Name}",
                $"GitLab CI jobs of {projects} on protected refs (keyless plan)", subjects, policy));
        }

        return design with { Roles = roles };
    }

    /// <summary>
    /// What the AWS trust cannot check itself: it sees only <c>aud</c> and <c>sub</c>, so the project's sub claim
    /// components carry every pin, and no component names an environment.
    /// </summary>
    public static List<PlanNote> Notes(PlanIntent intent, AwsDesign aws)
    {
        List<PlanNote> notes =
        [
            new("aws", $"AWS gives a GitLab token's {aws.AudienceKey} and {aws.SubjectKey} only, so each role pins the project id, "
                + "ref type, ref and ref_protected through the sub. Apply the projects' ci_id_token_sub_claim_components "
                + "(scripts/gitlab-api.sh, or gitlab_project in Terraform) with the roles: until then tokens carry GitLab's default "
                + "sub (project_path:...), which no statement matches, and STS answers AccessDenied."),
        ];
        for (var i = 0; i < aws.Roles.Count; i++)
        {
            var role = intent.Aws!.Roles[i];
            if (role.Grant.Environments.Count == 0)
            {
                continue;
            }

            var tiers = string.Join(", ", IntentValidator.TiersOf(role.Grant));
            var names = string.Join(", ", role.Grant.Environments.Select(e => e.Name));
            notes.Add(new($"aws.roles[{i}]",
                $"AWS cannot pin the environment name ({names}): GitLab's sub has no environment-name component and AWS reads no "
                + $"other claim. Role {role.Name} admits a protected environment of deployment tier {tiers} in its projects; it relies "
                + "on GitLab allowing only Maintainers to deploy to the protected environments (scripts/gitlab-api.sh, Terraform) "
                + "and on no other protected environment of that tier in those projects."));
        }

        return notes;
    }
}
