using Keyless.Trust.Evaluation;
using Keyless.Trust.Findings;

namespace Keyless.Trust.Audits;

/// <summary>Entra keeps at most 20 federated credentials per application or managed identity.</summary>
public sealed class TooManyFederatedCredentialsAudit : AuditRule
{
    public override string Id => "too-many-federated-credentials";

    public override string Summary => "More than 20 federated credentials on one identity: Entra refuses the extra ones.";

    public override Severity DefaultSeverity => Severity.Medium;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var identity in context.Trust.AzureIdentities.Where(i => i.Credentials.Count > AzureEvaluator.MaxCredentialsPerIdentity))
        {
            yield return Static(identity.DisplayName,
                $"{identity.DisplayName} has {identity.Credentials.Count} federated credentials; Entra keeps at most {AzureEvaluator.MaxCredentialsPerIdentity}, so the rest cannot exist and the jobs relying on them fail.",
                "Split the jobs over several identities (one per project or tier), or set ci_id_token_sub_claim_components so one subject covers the intended jobs (e.g. [\"project_id\",\"ref_protected\"]).",
                identity.Source);
        }
    }
}
