using Keyless.Trust.Findings;

namespace Keyless.Trust.Audits;

/// <summary>The GitLab instance URL as audience (GitLab's tutorials): every relying party with that habit accepts the token.</summary>
public sealed class InstanceUrlAudienceAudit : AuditRule
{
    public override string Id => "instance-url-audience";

    public override string Summary => "The audience is the GitLab instance URL, which any relying party following the same tutorial also accepts.";

    public override Severity DefaultSeverity => Severity.Medium;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var issuers = context.Trust.Providers.Select(p => p.IssuerUri)
            .Concat(context.Trust.AzureIdentities.SelectMany(i => i.Credentials).Select(c => c.Issuer))
            .Concat(context.Trust.AwsProviders.Select(p => "https://" + p.Url))
            .OfType<string>().Select(i => i.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool IsInstance(string aud) => issuers.Contains(aud.TrimEnd('/'))
            || (Uri.TryCreate(aud, UriKind.Absolute, out var u) && u.Host.StartsWith("gitlab.", StringComparison.OrdinalIgnoreCase) && u.AbsolutePath.Trim('/').Length == 0);

        foreach (var provider in context.Trust.Providers)
        {
            if (provider.AllowedAudiences.FirstOrDefault(IsInstance) is { } aud)
            {
                yield return Static(provider.Name,
                    $"Provider {provider.Name} accepts audience '{aud}', the GitLab instance URL.",
                    $"Remove allowedAudiences so the default '//iam.googleapis.com/{provider.Name}' applies (gcloud iam workload-identity-pools providers update-oidc --clear-allowed-audiences; Terraform: drop oidc.allowed_audiences) and set that as the job's id_tokens aud.",
                    provider.Source);
            }
        }

        foreach (var identity in context.Trust.AzureIdentities)
        {
            foreach (var credential in identity.Credentials)
            {
                if (credential.Audiences.FirstOrDefault(IsInstance) is { } aud)
                {
                    yield return Static(identity.DisplayName,
                        $"Credential '{credential.Name}' accepts audience '{aud}', the GitLab instance URL.",
                        "Use audience 'api://AzureADTokenExchange' (az ad app federated-credential update --audiences api://AzureADTokenExchange) and the same aud in the job's id_tokens.",
                        credential.Source);
                }
            }
        }

        // GitLab's AWS guide registers the instance URL as the provider's audience (docs/aws.md); AWS's own is sts.amazonaws.com.
        foreach (var provider in context.Trust.AwsProviders)
        {
            if (provider.ClientIds.FirstOrDefault(IsInstance) is { } aud)
            {
                yield return Static($"IAM OIDC provider '{provider.Url}'",
                    $"IAM OIDC provider '{provider.Url}' accepts audience '{aud}', the GitLab instance URL.",
                    $"Make 'sts.amazonaws.com' the provider's client id (aws iam add-client-id-to-open-id-connect-provider --client-id sts.amazonaws.com, then remove-client-id-from-open-id-connect-provider --client-id {aud}; Terraform: client_id_list = [\"sts.amazonaws.com\"]), condition the roles on {provider.Url}:aud = sts.amazonaws.com, and set that as the job's id_tokens aud.",
                    provider.Source);
            }
        }
    }
}
