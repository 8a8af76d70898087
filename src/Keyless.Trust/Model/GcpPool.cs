namespace Keyless.Trust.Model;

/// <summary>A workload identity pool (<c>projects/NUM/locations/global/workloadIdentityPools/POOL</c>).</summary>
public sealed record GcpPool
{
    public required GcpProjectRef Project { get; init; }

    public required string PoolId { get; init; }

    public bool Disabled { get; init; }

    public ResourceState State { get; init; } = ResourceState.Active;

    public string? DisplayName { get; init; }

    /// <summary>The Terraform address when the pool came from Terraform, for linking references.</summary>
    public string? TerraformAddress { get; init; }

    /// <summary>Cloud field names whose value is not known yet (a Terraform plan before apply).</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];

    public required SourceRef Source { get; init; }

    /// <summary>The resource name with the project number, or with the id when the number is not known.</summary>
    public string Name => $"projects/{Project}/locations/global/workloadIdentityPools/{PoolId}";
}
