namespace Keyless.Trust.Model;

/// <summary>How a federated credential names its parent identity; whichever keys the input had.</summary>
public sealed record AzureParentRef
{
    public AzureIdentityKind? Kind { get; init; }

    public string? ObjectId { get; init; }

    public string? ClientId { get; init; }

    public string? ResourceId { get; init; }

    public string? Name { get; init; }

    public string? TerraformAddress { get; init; }

    public bool Matches(AzureIdentity identity)
    {
        if (Kind is { } kind && kind != identity.Kind)
        {
            return false;
        }

        return Same(ObjectId, identity.ObjectId)
            || Same(ClientId, identity.ClientId)
            || (ResourceId is not null && identity.ResourceId is not null
                && string.Equals(ResourceId, identity.ResourceId, StringComparison.OrdinalIgnoreCase))
            || Same(TerraformAddress, identity.TerraformAddress);
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public override string ToString() =>
        TerraformAddress ?? ResourceId ?? (ObjectId is null ? null : "object id " + ObjectId)
        ?? (ClientId is null ? null : "client id " + ClientId) ?? Name ?? "?";
}
