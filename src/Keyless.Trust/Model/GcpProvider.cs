namespace Keyless.Trust.Model;

/// <summary>A workload identity pool provider (OIDC), with the fields the STS exchange reads.</summary>
public sealed record GcpProvider
{
    public required GcpProjectRef Project { get; init; }

    public required string PoolId { get; init; }

    public required string ProviderId { get; init; }

    /// <summary><c>oidc</c>, <c>aws</c>, <c>saml</c> or <c>x509</c>; only OIDC providers accept GitLab tokens.</summary>
    public string Protocol { get; init; } = "oidc";

    public string? IssuerUri { get; init; }

    /// <summary>Empty means the default audiences (the provider's own resource name) apply.</summary>
    public IReadOnlyList<string> AllowedAudiences { get; init; } = [];

    /// <summary>Inline JWKS, as the JSON string the API stores, or null to fetch from the issuer.</summary>
    public string? JwksJson { get; init; }

    /// <summary>Target attribute (<c>google.subject</c>, <c>attribute.x</c>) → CEL expression over <c>assertion</c>.</summary>
    public IReadOnlyDictionary<string, string> AttributeMapping { get; init; } = new Dictionary<string, string>();

    public string? AttributeCondition { get; init; }

    public bool Disabled { get; init; }

    public ResourceState State { get; init; } = ResourceState.Active;

    public string? DisplayName { get; init; }

    public string? TerraformAddress { get; init; }

    /// <summary>Cloud field names whose value is not known yet (e.g. <c>attributeCondition</c> in a plan).</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];

    public required SourceRef Source { get; init; }

    public string PoolName => $"projects/{Project}/locations/global/workloadIdentityPools/{PoolId}";

    /// <summary><c>projects/NUM/locations/global/workloadIdentityPools/POOL/providers/PROV</c>.</summary>
    public string Name => $"{PoolName}/providers/{ProviderId}";

    /// <summary>The STS <c>audience</c> parameter, also the default JWT audience when none are allowed explicitly.</summary>
    public string StsAudience => "//iam.googleapis.com/" + Name;
}
