using Keyless.Trust.Model;

namespace Keyless.Emulator.Host.Tests;

/// <summary>The federation the real clients are pointed at: one GCP provider and SA binding, one Entra app.</summary>
public static class HostTestTrust
{
    public const string ProjectNumber = "123456789012";
    public const string ServiceAccount = "deployer@acme-prod.iam.gserviceaccount.com";
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string AzureSubject = "project_path:acme/payments:ref_type:branch:ref:main";
    public const string AzureAudience = "api://AzureADTokenExchange";
    public const string GcpAudience = "https://gitlab.com";

    public const string ProviderName = $"projects/{ProjectNumber}/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com";

    public const string StsAudience = "//iam.googleapis.com/" + ProviderName;

    public static TrustSet Create()
    {
        var source = new SourceRef("host-test", null);
        var project = new GcpProjectRef(ProjectNumber, "acme-prod");
        return new TrustSet
        {
            Pools = [new GcpPool { Project = project, PoolId = "gitlab", Source = source }],
            Providers =
            [
                new GcpProvider
                {
                    Project = project,
                    PoolId = "gitlab",
                    ProviderId = "gitlab-com",
                    IssuerUri = "https://gitlab.com/",
                    AllowedAudiences = [GcpAudience],
                    AttributeMapping = new Dictionary<string, string>
                    {
                        ["google.subject"] = "assertion.sub",
                        ["attribute.project_id"] = "assertion.project_id",
                    },
                    AttributeCondition = "assertion.project_id == \"4242\" && assertion.ref_protected == \"true\"",
                    Source = source,
                },
            ],
            Bindings =
            [
                new GcpBinding
                {
                    Target = GcpBindingTarget.ServiceAccount(ServiceAccount),
                    Role = GcpRoles.WorkloadIdentityUser,
                    Member = $"principalSet://iam.googleapis.com/projects/{ProjectNumber}/locations/global/workloadIdentityPools/gitlab/attribute.project_id/4242",
                    Source = source,
                },
            ],
            AzureIdentities =
            [
                new AzureIdentity
                {
                    Kind = AzureIdentityKind.Application,
                    ClientId = ClientId,
                    Name = "ci-deployer",
                    TenantId = TenantId,
                    Source = source,
                    Credentials =
                    [
                        new AzureFederatedCredential
                        {
                            Name = "gitlab-main",
                            Issuer = "https://gitlab.com",
                            Subject = AzureSubject,
                            Audiences = [AzureAudience],
                            Parent = new AzureParentRef { ClientId = ClientId },
                            Source = source,
                        },
                    ],
                },
            ],
        };
    }

    public static System.Text.Json.Nodes.JsonObject Claims(string aud, string reference = "main", string refProtected = "true") => new()
    {
        ["namespace_id"] = "72",
        ["namespace_path"] = "acme",
        ["project_id"] = "4242",
        ["project_path"] = "acme/payments",
        ["user_login"] = "alice",
        ["pipeline_source"] = "push",
        ["ref"] = reference,
        ["ref_type"] = "branch",
        ["ref_path"] = "refs/heads/" + reference,
        ["ref_protected"] = refProtected,
        ["runner_id"] = 7,
        ["aud"] = aud,
    };
}
