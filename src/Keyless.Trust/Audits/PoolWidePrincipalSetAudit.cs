using Keyless.Trust.Findings;
using Keyless.Trust.Model;

namespace Keyless.Trust.Audits;

/// <summary><c>principalSet://…/workloadIdentityPools/POOL/*</c>: every identity every provider of the pool admits.</summary>
public sealed class PoolWidePrincipalSetAudit : AuditRule
{
    public override string Id => "pool-wide-principal-set";

    public override string Summary => "A binding grants every identity in the pool (principalSet://…/*), across all its providers.";

    public override Severity DefaultSeverity => Severity.Medium;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var binding in context.Trust.Bindings)
        {
            if (binding.Member is not { } raw || GcpMember.Parse(raw) is not { Kind: GcpMemberKind.AllInPool } member)
            {
                continue;
            }

            var providers = context.Trust.Providers.Count(p => p.PoolId == member.PoolId);
            yield return Static(binding.Target.ToString(),
                $"{binding.Role} on {binding.Target} goes to {raw}: every token any of the pool's {providers} provider(s) accepts, now and in future providers.",
                $"Bind a narrower principal set, e.g. principalSet://iam.googleapis.com/{member.PoolName}/attribute.project_id/<PROJECT_ID> with attribute.project_id = assertion.project_id in the mapping (gcloud iam service-accounts add-iam-policy-binding … --member=…; Terraform member = \"principalSet://…/attribute.project_id/…\").",
                binding.Source);
        }
    }
}
