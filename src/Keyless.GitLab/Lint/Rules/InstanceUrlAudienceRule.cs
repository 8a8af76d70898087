using Keyless.Formats.Output;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Rules;

/// <summary>
/// An <c>aud</c> that is the GitLab instance URL (GitLab's own tutorials use it for GCP, Azure and AWS alike): every relying
/// party that follows the same convention accepts the token, so one leaked token opens all of them.
/// </summary>
internal sealed class InstanceUrlAudienceRule : LintRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "instance-url-audience", "an ID token's aud is the GitLab instance URL", Severity.Medium);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var job in context.TokenJobs)
        {
            foreach (var token in job.IdTokens)
            {
                // An aud that is still an input with no value is not judged (unaccepted-audience says it could not be resolved).
                foreach (var aud in token.Audiences.Where(a => !a.IsUnknown))
                {
                    var expanded = Audiences.Expand(job, aud.Value);
                    if (!Audiences.IsInstanceUrl(aud.Value) && !Audiences.IsInstanceUrl(expanded))
                    {
                        continue;
                    }

                    var shown = expanded == aud.Value ? $"'{aud.Value}'" : $"'{aud.Value}' ({expanded})";
                    yield return Report(
                        aud.Location,
                        $"ID token {token.Name} has aud {shown}, the GitLab instance URL: every relying party that follows the same convention accepts this token.",
                        "Give each token the audience of the one relying party it is for: for GCP the provider's resource name "
                        + "(//iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER), "
                        + "for Azure api://AzureADTokenExchange, for AWS sts.amazonaws.com; set the same value in the cloud trust "
                        + "(for AWS, the IAM OIDC provider's client ids).",
                        path: $"{job.Name}.id_tokens.{token.Name}.aud");
                }
            }
        }
    }
}
