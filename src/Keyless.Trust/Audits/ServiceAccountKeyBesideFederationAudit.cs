using Keyless.Trust.Findings;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Trust.Audits;

/// <summary>A user-managed key on a service account that federation already reaches: the static key still works.</summary>
public sealed class ServiceAccountKeyBesideFederationAudit : AuditRule
{
    public override string Id => "service-account-key-beside-federation";

    public override string Summary => "A user-managed key exists on a federated service account; the long-lived key bypasses federation.";

    public override Severity DefaultSeverity => Severity.High;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accounts = context.Identities.Where(i => i.Kind == IdentityKind.GcpServiceAccount).ToArray();
        foreach (var key in context.Trust.StaticCredentials.Where(k => k.Kind == StaticCredentialKind.GcpServiceAccountKey))
        {
            var account = accounts.FirstOrDefault(a => key.Owner.Equals(a.Name, StringComparison.OrdinalIgnoreCase)
                || key.Owner.EndsWith("/serviceAccounts/" + a.Name, StringComparison.OrdinalIgnoreCase));
            if (account is null)
            {
                continue;
            }

            yield return Static(account.Name,
                $"Service account {account.Name} is reached through workload identity federation and also has a user-managed key{(key.KeyId is null ? string.Empty : $" ({key.KeyId})")}: whoever holds the key skips every condition.",
                $"Delete the key (gcloud iam service-accounts keys delete KEY_ID --iam-account={account.Name}; Terraform: remove the google_service_account_key) and enforce constraints/iam.disableServiceAccountKeyCreation.",
                key.Source);
        }
    }
}
