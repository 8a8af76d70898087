using Keyless.Plan.Intent;

namespace Keyless.Plan.Design;

/// <summary>
/// The hardened trust derived from the intent, cloud by cloud, with every literal already computed. Every output
/// format renders this one design, so the Terraform, the scripts, Bicep and the pipeline can never disagree.
/// </summary>
public sealed record TrustDesign(
    PlanIntent Intent,
    IReadOnlyList<ProjectDesign> Projects,
    GcpDesign? Gcp,
    AzureDesign? Azure,
    IReadOnlyList<CiJobDesign> Jobs)
{
    public string Issuer => Intent.Issuer;
}

/// <summary>The GitLab side of one project: its sub claim and the protections the cloud pins rely on.</summary>
public sealed record ProjectDesign(
    GitLabProjectIntent Project,
    IReadOnlyList<string> SubComponents,
    IReadOnlyList<string> ProtectedBranches,
    IReadOnlyList<string> ProtectedTags,
    IReadOnlyList<string> ProtectedEnvironments);

public sealed record GcpDesign(
    string ProjectId,
    string ProjectNumber,
    string PoolId,
    string ProviderId,
    string Audience,
    string? Jwks,
    IReadOnlyList<KeyValuePair<string, string>> AttributeMapping,
    string AttributeCondition,
    IReadOnlyList<GcpBindingDesign> Bindings)
{
    /// <summary><c>projects/NUM/locations/global/workloadIdentityPools/POOL</c>: principals live per pool.</summary>
    public string PoolName => $"projects/{ProjectNumber}/locations/global/workloadIdentityPools/{PoolId}";

    public string ProviderName => $"{PoolName}/providers/{ProviderId}";

    /// <summary>The provider's canonical resource name, GCP's own default audience.</summary>
    public string CanonicalAudience => $"//iam.googleapis.com/{ProviderName}";
}

/// <summary>One <c>roles/iam.workloadIdentityUser</c> grant on a service account.</summary>
public sealed record GcpBindingDesign(string ServiceAccountEmail, string GcpProject, string Member);

public sealed record AzureDesign(string Tenant, string Audience, IReadOnlyList<AzureIdentityDesign> Identities);

public enum AzureIdentityKind
{
    Application,
    ManagedIdentity,
}

public sealed record AzureIdentityDesign(
    AzureIdentityKind Kind,
    string Name,
    string ClientId,
    string? ObjectId,
    string? Subscription,
    string? ResourceGroup,
    IReadOnlyList<FederatedCredentialDesign> Credentials)
{
    /// <summary>The ARM id of a user-assigned managed identity (the FIC's parent).</summary>
    public string? ManagedIdentityId => Kind == AzureIdentityKind.ManagedIdentity
        ? $"/subscriptions/{Subscription}/resourceGroups/{ResourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{Name}"
        : null;
}

/// <summary>One federated identity credential: an exact subject for one project, ref and (optionally) tier.</summary>
public sealed record FederatedCredentialDesign(string Name, string Subject, string Description);

public enum Cloud
{
    Gcp,
    Azure,
}

/// <summary>One pipeline job that gets one token for one identity, on the intended refs (and environment) only.</summary>
public sealed record CiJobDesign(
    GitLabProjectIntent Project,
    string Name,
    Cloud Cloud,
    string TokenVariable,
    string Audience,
    IReadOnlyList<string> Branches,
    IReadOnlyList<string> Tags,
    EnvironmentIntent? Environment,
    IReadOnlyList<string> LoginArguments);
