using Keyless.Trust.Model;

namespace Keyless.Trust.Identities;

/// <summary>
/// Something a token can get: the unit explain decides on and audit attacks. Each identity knows the trust
/// parts that lead to it (providers and bindings, or federated credentials).
/// </summary>
public sealed record Identity
{
    public required IdentityKind Kind { get; init; }

    /// <summary>Stable, readable name: service account email, principal @ project, app or managed identity name.</summary>
    public required string Name { get; init; }

    public string Cloud => Kind switch
    {
        IdentityKind.GcpServiceAccount or IdentityKind.GcpPrincipal => "gcp",
        IdentityKind.AwsRole => "aws",
        _ => "azure",
    };

    /// <summary>GCP: the bindings that grant it (impersonation roles, or the direct project roles).</summary>
    public IReadOnlyList<GcpBinding> Bindings { get; init; } = [];

    /// <summary>GCP: the providers of the pools its bindings name (the ways in).</summary>
    public IReadOnlyList<GcpProvider> Providers { get; init; } = [];

    /// <summary>GCP principal identities: the member string (<c>principalSet://…</c>).</summary>
    public string? Member { get; init; }

    /// <summary>Azure: the application or managed identity, with its federated credentials.</summary>
    public AzureIdentity? Azure { get; init; }

    /// <summary>AWS: the role, with its trust policy.</summary>
    public AwsRole? Aws { get; init; }

    public SourceRef? Source { get; init; }

    public override string ToString() => Name;
}
