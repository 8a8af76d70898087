using Keyless.Trust.Findings;
using Keyless.Trust.Model;

namespace Keyless.Trust.Audits;

/// <summary>An IAM user's access key in inputs that also hold roles trusting GitLab: the key still works.</summary>
public sealed class AccessKeyBesideFederationAudit : AuditRule
{
    public override string Id => "access-key-beside-federation";

    public override string Summary => "An IAM user's access key exists beside roles federated with GitLab; the long-lived key bypasses federation.";

    public override Severity DefaultSeverity => Severity.High;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var federated = context.Trust.AwsRoles.Where(r => r.TrustsFederation).Select(r => r.Name).ToArray();
        if (federated.Length == 0)
        {
            yield break;
        }

        foreach (var key in context.Trust.StaticCredentials.Where(k => k.Kind == StaticCredentialKind.AwsAccessKey))
        {
            var status = key.DisplayName is { Length: > 0 } s ? $" ({s})" : string.Empty;
            yield return Static($"IAM user '{key.Owner}'",
                $"IAM user '{key.Owner}' has access key {key.KeyId ?? "(id not given)"}{status} while role(s) {string.Join(", ", federated.Select(n => $"'{n}'"))} trust GitLab's tokens: whoever holds the key skips federation.",
                $"Move the job to the federated role, then delete the key (aws iam delete-access-key --user-name {key.Owner} --access-key-id {key.KeyId ?? "KEY_ID"}; Terraform: remove the aws_iam_access_key) and the CI/CD variables that hold it.",
                key.Source);
        }
    }
}
