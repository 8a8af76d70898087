using Keyless.Trust.Findings;

namespace Keyless.Trust.Audits;

/// <summary>One audience accepted by both a GCP provider and an Azure credential: one token redeems at both.</summary>
public sealed class AudienceSharedAcrossCloudsAudit : AuditRule
{
    public override string Id => "audience-shared-across-clouds";

    public override string Summary => "The same audience is accepted by GCP and Azure, so one token is redeemable at both clouds.";

    public override Severity DefaultSeverity => Severity.Medium;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var gcp = context.Trust.Providers.SelectMany(p => p.AllowedAudiences.Select(a => (Audience: a, Provider: p)))
            .GroupBy(x => x.Audience, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Provider, StringComparer.Ordinal);
        foreach (var identity in context.Trust.AzureIdentities)
        {
            foreach (var credential in identity.Credentials)
            {
                if (credential.Audiences.FirstOrDefault(gcp.ContainsKey) is { } shared)
                {
                    yield return Static(identity.DisplayName,
                        $"Audience '{shared}' is accepted by Azure credential '{credential.Name}' and by GCP provider {gcp[shared].Name}: a token minted for one cloud is redeemable at the other.",
                        $"Give each relying party its own aud: Azure 'api://AzureADTokenExchange'; GCP the provider's own name '//iam.googleapis.com/{gcp[shared].Name}' (leave allowedAudiences empty). Use one id_tokens entry per cloud in .gitlab-ci.yml.",
                        credential.Source);
                }
            }
        }
    }
}
