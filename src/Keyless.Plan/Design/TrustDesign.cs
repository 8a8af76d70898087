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
    IReadOnlyList<CiJobDesign> Jobs,
    AwsDesign? Aws = null,
    IReadOnlyList<PlanNote>? Notes = null)
{
    public string Issuer => Intent.Issuer;
}

/// <summary>
/// Something the plan cannot enforce, or relies on outside the cloud trust, said where the user reads it:
/// <c>keyless plan</c> prints it, and the outputs it concerns repeat it as a comment. <c>Path</c> is the intent key it
/// is about, e.g. <c>aws.roles[0]</c>.
/// </summary>
public sealed record PlanNote(string Path, string Text);

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

/// <summary>
/// One exact <c>sub</c> a planned job's token carries: a project, a protected ref of one type and, when environments
/// are named, a protected environment of one deployment tier.
/// </summary>
public sealed record SubjectDesign(GitLabProjectIntent Project, string RefType, string Ref, string? Tier, string Subject, string Description);

public enum Cloud
{
    Gcp,
    Azure,
    Aws,
}

/// <summary>
/// The AWS side: the IAM OIDC provider for the issuer (its URL without the scheme, as IAM keeps it and as the
/// condition keys spell it) and the roles. AWS gives a GitLab token only the keys <c>URL:aud</c> and <c>URL:sub</c>
/// (docs/aws.md), so each role pins exact subjects rendered from the project's sub claim components.
/// </summary>
public sealed record AwsDesign(string AccountId, string ProviderUrl, string Audience, IReadOnlyList<AwsRoleDesign> Roles)
{
    /// <summary><c>arn:aws:iam::ACCOUNT:oidc-provider/URL</c>.</summary>
    public string ProviderArn => $"arn:aws:iam::{AccountId}:oidc-provider/{ProviderUrl}";

    public string AudienceKey => $"{ProviderUrl}:aud";

    public string SubjectKey => $"{ProviderUrl}:sub";
}

/// <summary>
/// One IAM role. Each of <c>Subjects</c> is one Allow statement (<c>StringEquals</c> on aud and on that exact sub);
/// <c>PolicyJson</c> is the trust policy, minified, exactly as the CLI script passes it and the size quota counts it.
/// </summary>
public sealed record AwsRoleDesign(
    string Name,
    string Path,
    int? MaxSessionDuration,
    string Arn,
    string Description,
    IReadOnlyList<SubjectDesign> Subjects,
    string PolicyJson);

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
