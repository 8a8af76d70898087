using Keyless.Trust.Findings;
using Keyless.Trust.Model;

namespace Keyless.Trust.Audits;

/// <summary>
/// A disabled provider whose pool still has bindings: disabling stops new exchanges only, tokens already issued keep
/// working, and re-enabling it silently restores the access.
/// </summary>
public sealed class DisabledProviderStillBoundAudit : AuditRule
{
    public override string Id => "disabled-provider-still-bound";

    public override string Summary => "A disabled provider's pool still has IAM bindings; re-enabling it restores access, issued tokens keep working.";

    public override Severity DefaultSeverity => Severity.Low;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var identity in context.Identities)
        {
            foreach (var provider in identity.Providers.Where(p => p.Disabled))
            {
                var binding = identity.Bindings.First(b => b.Member is null || GcpMember.Parse(b.Member).PoolId == provider.PoolId);
                yield return Static(identity.Name,
                    $"Provider {provider.Name} is disabled, but {binding.Role} on {binding.Target} still names its pool ({binding.Member}).",
                    $"Delete the provider, or remove the binding (gcloud iam service-accounts remove-iam-policy-binding {binding.Target} --role={binding.Role} --member='{binding.Member}'; Terraform: delete the google_service_account_iam_member).",
                    binding.Source);
            }
        }
    }
}
