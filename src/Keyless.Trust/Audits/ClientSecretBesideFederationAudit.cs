using Keyless.Trust.Findings;
using Keyless.Trust.Model;

namespace Keyless.Trust.Audits;

/// <summary>A client secret on an application that also has federated credentials: the secret still works.</summary>
public sealed class ClientSecretBesideFederationAudit : AuditRule
{
    public override string Id => "client-secret-beside-federation";

    public override string Summary => "A client secret exists on a federated application; the long-lived secret bypasses federation.";

    public override Severity DefaultSeverity => Severity.High;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var apps = context.Trust.AzureIdentities.Where(i => i.Kind == AzureIdentityKind.Application && i.Credentials.Count > 0).ToArray();
        foreach (var secret in context.Trust.StaticCredentials.Where(k => k.Kind == StaticCredentialKind.AzureClientSecret))
        {
            var app = apps.FirstOrDefault(a => Names(a).Any(n => string.Equals(n, secret.Owner, StringComparison.OrdinalIgnoreCase)));
            if (app is null)
            {
                continue;
            }

            yield return Static(app.DisplayName,
                $"{app.DisplayName} has federated credentials and also a client secret{(secret.DisplayName is null ? string.Empty : $" '{secret.DisplayName}'")}{(secret.KeyId is null ? string.Empty : $" (key id {secret.KeyId})")}: whoever holds it skips federation.",
                $"Remove the secret (az ad app credential delete --id {app.ClientId ?? "APP_ID"} --key-id {secret.KeyId ?? "KEY_ID"}; Terraform: remove the azuread_application_password) and block new ones with an app management policy.",
                secret.Source);
        }
    }

    private static IEnumerable<string> Names(AzureIdentity app) =>
        new[] { app.ClientId, app.ObjectId, app.ResourceId, app.ObjectId is null ? null : "/applications/" + app.ObjectId, app.TerraformAddress }.OfType<string>();
}
