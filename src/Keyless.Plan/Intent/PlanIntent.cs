namespace Keyless.Plan.Intent;

/// <summary>A place in keyless.yml, 1-based, so every later error can still point at the line that caused it.</summary>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>The whole of keyless.yml: who (GitLab projects on one issuer) may become what (GCP, Azure and AWS identities).</summary>
public sealed record PlanIntent(
    string File,
    string Issuer,
    string? Jwks,
    IReadOnlyList<GitLabProjectIntent> Projects,
    GcpIntent? Gcp,
    AzureIntent? Azure,
    AwsIntent? Aws = null);

/// <summary>
/// A GitLab project. The numeric id is what the trust pins (paths are reclaimable); the path names it for people
/// and for the pipeline rules.
/// </summary>
public sealed record GitLabProjectIntent(string Path, string Id, string Name, SourcePosition Position);

/// <summary>
/// The refs and environments one identity is for: protected branches, protected tags, and optionally protected
/// environments (name, and the deployment tier the job declares).
/// </summary>
public sealed record GrantIntent(
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> Branches,
    IReadOnlyList<string> Tags,
    IReadOnlyList<EnvironmentIntent> Environments);

public sealed record EnvironmentIntent(string Name, string Tier);

public sealed record GcpIntent(
    string Project,
    string ProjectNumber,
    string Pool,
    string Provider,
    string? Audience,
    IReadOnlyList<GcpServiceAccountIntent> ServiceAccounts,
    SourcePosition Position);

public sealed record GcpServiceAccountIntent(string Email, GrantIntent Grant, SourcePosition Position);

public sealed record AzureIntent(
    string Tenant,
    string? Audience,
    IReadOnlyList<AzureApplicationIntent> Applications,
    IReadOnlyList<AzureManagedIdentityIntent> ManagedIdentities,
    SourcePosition Position);

public sealed record AzureApplicationIntent(
    string ClientId,
    string? ObjectId,
    string Name,
    GrantIntent Grant,
    SourcePosition Position);

public sealed record AzureManagedIdentityIntent(
    string Name,
    string ClientId,
    string Subscription,
    string ResourceGroup,
    GrantIntent Grant,
    SourcePosition Position);

/// <summary>
/// The AWS side: one IAM OIDC provider for the issuer in <see cref="AccountId"/> (its client id is the audience) and
/// the roles whose trust policies admit the grants. <see cref="TrustPolicySizeQuota"/> is the account's
/// <c>AssumeRolePolicySizeQuota</c> (non-whitespace characters; <c>aws iam get-account-summary</c>).
/// </summary>
public sealed record AwsIntent(
    string AccountId,
    string? Audience,
    int TrustPolicySizeQuota,
    IReadOnlyList<AwsRoleIntent> Roles,
    SourcePosition Position);

/// <summary>
/// One IAM role: its name, IAM path (<c>/</c> or <c>/a/b/</c>), maximum session duration in seconds (3600 to 43200;
/// null leaves IAM's default, 3600) and the grant its trust admits.
/// </summary>
public sealed record AwsRoleIntent(
    string Name,
    string Path,
    int? MaxSessionDuration,
    GrantIntent Grant,
    SourcePosition Position);
