namespace Keyless.Plan.Intent;

/// <summary>A place in keyless.yml, 1-based, so every later error can still point at the line that caused it.</summary>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>The whole of keyless.yml: who (GitLab projects on one issuer) may become what (GCP and Azure identities).</summary>
public sealed record PlanIntent(
    string File,
    string Issuer,
    string? Jwks,
    IReadOnlyList<GitLabProjectIntent> Projects,
    GcpIntent? Gcp,
    AzureIntent? Azure);

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
