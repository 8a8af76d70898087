namespace Keyless.Trust.Model;

/// <summary>An Entra identity that federated credentials hang off: an application or a user-assigned managed identity.</summary>
public sealed record AzureIdentity
{
    public required AzureIdentityKind Kind { get; init; }

    /// <summary>The application (client) id: what <c>client_id</c> in the token request names.</summary>
    public string? ClientId { get; init; }

    /// <summary>The application's object id, or the managed identity's principal id.</summary>
    public string? ObjectId { get; init; }

    /// <summary>Display name of the application, or the managed identity's resource name.</summary>
    public required string Name { get; init; }

    public string? TenantId { get; init; }

    /// <summary>ARM id of a managed identity; <c>/applications/{objectId}</c> for an application in Terraform.</summary>
    public string? ResourceId { get; init; }

    public string? TerraformAddress { get; init; }

    public IReadOnlyList<AzureFederatedCredential> Credentials { get; init; } = [];

    public IReadOnlyList<string> Unknown { get; init; } = [];

    public required SourceRef Source { get; init; }

    /// <summary>How explain and audit name it: <c>app 'ci-deployer' (client id …)</c>.</summary>
    public string DisplayName =>
        (Kind == AzureIdentityKind.Application ? "app '" : "managed identity '") + Name + "'"
        + (ClientId is null ? string.Empty : $" (client id {ClientId})");
}
