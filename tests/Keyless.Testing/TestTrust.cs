using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Testing;

/// <summary>
/// The one small federation the emulator tests point real and in-process clients at: one GCP provider with a
/// project pin and a protected-ref condition, a service account bound to that project's principal set, and an Entra
/// app with one federated credential for main. Its names are those of <c>examples/gitlab-ci/trust.json</c> (project,
/// pool, provider, service account, app, tenant), so the tests that load that file use these constants too; only the
/// GCP provider's allowed audience differs (the example allows <see cref="StsAudience"/>).
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

    /// <summary>The <c>sub</c> of a pipeline on main of acme/payments; the Entra credential's subject.</summary>
    public const string MainSubject = "project_path:acme/payments:ref_type:branch:ref:main";

    public const string AzureAudience = "api://AzureADTokenExchange";

    /// <summary>The audience the GCP provider allows (the <c>aud</c> a GitLab job asks for).</summary>
    public const string GcpAudience = "https://gitlab.com";

    public const string ProviderName = $"projects/{ProjectNumber}/locations/global/workloadIdentityPools/{Pool}/providers/{Provider}";

    /// <summary>The provider's full resource name: the STS <c>audience</c>, and the default <c>aud</c> of a provider without allowed audiences.</summary>
    public const string StsAudience = "//iam.googleapis.com/" + ProviderName;

    /// <summary>
    /// The federation, trusting <paramref name="issuer"/> (GCP with a trailing slash unless <paramref name="gcpIssuer"/>
    /// says otherwise) and, when given, verifying GCP tokens with the uploaded <paramref name="jwksJson"/>.
    /// </summary>
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
                            Subject = MainSubject,
                            Audiences = [AzureAudience],
                            Parent = new AzureParentRef { ClientId = ClientId },
                            Source = source,
                        },
                    ],
                },
            ],
        };
    }

    public const string AwsAccount = "111122223333";

    public const string AwsRoleArn = $"arn:aws:iam::{AwsAccount}:role/gitlab-deploy";

    /// <summary>The audience GitLab's AWS guide has jobs request: the instance URL.</summary>
    public const string AwsAudience = "https://gitlab.com";

    /// <summary>
    /// <see cref="Create"/> plus AWS: an IAM OIDC provider for <paramref name="issuer"/> accepting the instance URL and
    /// <c>sts.amazonaws.com</c>, and role <c>gitlab-deploy</c> trusting it for acme/payments' main branch.
    /// </summary>
    public static TrustSet CreateWithAws(string issuer = "https://gitlab.com")
    {
        var url = AwsOidcProvider.NormalizeUrl(issuer);
        var policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + $"\"Principal\":{{\"Federated\":\"arn:aws:iam::{AwsAccount}:oidc-provider/{url}\"}},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
            + $"\"Condition\":{{\"StringEquals\":{{\"{url}:sub\":\"{MainSubject}\"}}}}}}]}}";
        var (statements, error) = AwsTrustPolicy.ParseText(policy);
        Assert.Null(error);
        var source = new SourceRef("test", null);
        return Create(issuer) with
        {
            AwsProviders = [new AwsOidcProvider { Url = url, Arn = AwsArn.OidcProvider(AwsAccount, url), ClientIds = [AwsAudience, "sts.amazonaws.com"], Source = source }],
            AwsRoles = [new AwsRole { Name = "gitlab-deploy", Arn = AwsRoleArn, Statements = statements, Source = source }],
        };
    }

    /// <summary>
    /// The job claims of a push pipeline of acme/payments, typed as GitLab types them: on protected main unless
    /// <paramref name="reference"/> and <paramref name="refProtected"/> say otherwise. The claims the issuer sets
    /// when it signs (iss, iat, nbf, exp, jti, sub) are left to the caller or the emulator's mint endpoint.
    /// </summary>
    public static JsonObject Claims(string aud, string reference = "main", string refProtected = "true") => new()
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
