namespace Keyless.Trust.Model;

/// <summary>
/// Everything loaded from the trust inputs, linked: pools ↔ providers ↔ bindings by resource names and project
/// numbers, applications and managed identities ↔ their federated credentials. Immutable; evaluators compile it
/// once and cache the result against the instance.
/// </summary>
public sealed record TrustSet
{
    public static TrustSet Empty { get; } = new();

    public IReadOnlyList<GcpPool> Pools { get; init; } = [];

    public IReadOnlyList<GcpProvider> Providers { get; init; } = [];

    public IReadOnlyList<GcpBinding> Bindings { get; init; } = [];

    /// <summary>Project id → number, from states, names or a manifest.</summary>
    public IReadOnlyDictionary<string, string> GcpProjectNumbers { get; init; } = new Dictionary<string, string>();

    /// <summary>The project's number: its own, else the one <see cref="GcpProjectNumbers"/> gives its id; null when neither is known.</summary>
    public string? ProjectNumberOf(GcpProjectRef project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Number ?? (project.Id is { } id && GcpProjectNumbers.TryGetValue(id, out var number) ? number : null);
    }

    /// <summary>
    /// The provider's name as STS audiences spell it (by project number) when the number is known, else its name as
    /// loaded (a Terraform configuration may name the project by id).
    /// </summary>
    public string StsProviderName(GcpProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return ProjectNumberOf(provider.Project) is { } number
            ? $"projects/{number}/locations/global/workloadIdentityPools/{provider.PoolId}/providers/{provider.ProviderId}"
            : provider.Name;
    }

    /// <summary>Applications and managed identities, each with its federated credentials attached.</summary>
    public IReadOnlyList<AzureIdentity> AzureIdentities { get; init; } = [];

    /// <summary>IAM OIDC providers (the issuers and audiences STS accepts).</summary>
    public IReadOnlyList<AwsOidcProvider> AwsProviders { get; init; } = [];

    /// <summary>IAM roles with their trust policies.</summary>
    public IReadOnlyList<AwsRole> AwsRoles { get; init; } = [];

    public IReadOnlyList<GitLabProject> GitLabProjects { get; init; } = [];

    /// <summary>Protected refs and environments whose project the input did not name, with no single project to
    /// attach them to.</summary>
    public IReadOnlyList<GitLabProtectedRef> UnattachedProtectedRefs { get; init; } = [];

    /// <summary>Input parts Keyless does not model; reported, not dropped.</summary>
    public IReadOnlyList<UnrecognizedInput> Unrecognized { get; init; } = [];

    /// <summary>Static keys beside federation (service-account keys, client secrets), for audit.</summary>
    public IReadOnlyList<StaticCredential> StaticCredentials { get; init; } = [];

    /// <summary>What a live pull could not read (pull.json): the audit reports each as not verified.</summary>
    public IReadOnlyList<UnverifiedScope> Unverified { get; init; } = [];

    /// <summary>Things the loader had to assume while linking (e.g. a credential whose parent no input names).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The files read, in order.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Files found in folders and not read: not JSON, or JSON that is no trust input.</summary>
    public IReadOnlyList<SkippedInput> Skipped { get; init; } = [];

    /// <summary>The pool a provider belongs to, if loaded.</summary>
    public GcpPool? PoolOf(GcpProvider provider) =>
        Pools.FirstOrDefault(p => p.PoolId == provider.PoolId && p.Project.SameAs(provider.Project) != false);

    /// <summary>The providers in a pool.</summary>
    public IEnumerable<GcpProvider> ProvidersOf(GcpPool pool) =>
        Providers.Where(p => p.PoolId == pool.PoolId && p.Project.SameAs(pool.Project) != false);
}
