using Keyless.Trust.Model;

namespace Keyless.Emulator.Tests;

/// <summary>
/// A small federation in code: one GCP provider with a project pin and a protected-ref condition, a service
/// account bound to that project's principal set, and an Entra app with one federated credential for main.
/// </summary>
public static class TestTrust
{
    public const string ProjectNumber = "123456789012";
    public const string Pool = "gitlab";
    public const string Provider = "gitlab-com";
    public const string ServiceAccount = "deployer@acme-prod.iam.gserviceaccount.com";
    public const string OtherServiceAccount = "other@acme-prod.iam.gserviceaccount.com";
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string AzureSubject = "project_path:acme/payments:ref_type:branch:ref:main";
    public const string AzureAudience = "api://AzureADTokenExchange";
    public const string GcpAudience = "https://gitlab.com";

    public static string StsAudience =>
        $"//iam.googleapis.com/projects/{ProjectNumber}/locations/global/workloadIdentityPools/{Pool}/providers/{Provider}";

    public static TrustSet Create(string issuer = "https://gitlab.com", string? jwksJson = null, string? gcpIssuer = null)
    {
        var source = new SourceRef("test", null);
        var project = new GcpProjectRef(ProjectNumber, "acme-prod");
        return new TrustSet
        {
            Pools = [new GcpPool { Project = project, PoolId = Pool, Source = source }],
            Providers =
            [
                new GcpProvider
                {
                    Project = project,
                    PoolId = Pool,
                    ProviderId = Provider,
                    IssuerUri = gcpIssuer ?? issuer + "/",
                    AllowedAudiences = [GcpAudience],
                    JwksJson = jwksJson,
                    AttributeMapping = new Dictionary<string, string>
                    {
                        ["google.subject"] = "assertion.sub",
                        ["attribute.project_id"] = "assertion.project_id",
                        ["attribute.ref"] = "assertion.ref",
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
                    Member = $"principalSet://iam.googleapis.com/projects/{ProjectNumber}/locations/global/workloadIdentityPools/{Pool}/attribute.project_id/4242",
                    Source = source,
                },
            ],
            AzureIdentities =
            [
                new AzureIdentity
                {
                    Kind = AzureIdentityKind.Application,
                    ClientId = ClientId,
                    ObjectId = "99999999-8888-7777-6666-555555555555",
                    Name = "ci-deployer",
                    TenantId = TenantId,
                    Source = source,
                    Credentials =
                    [
                        new AzureFederatedCredential
                        {
                            Name = "gitlab-main",
                            Issuer = issuer,
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
}
