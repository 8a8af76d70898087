using System.Text.Json.Nodes;

namespace Keyless.Emulator.Entra;

/// <summary>An application as Graph serves it, with its federated credentials in both API versions' shapes.</summary>
public sealed record GraphApplication(string ObjectId, string AppId, string? TenantId, JsonObject Resource, IReadOnlyList<JsonObject> CredentialsV1, IReadOnlyList<JsonObject> CredentialsBeta)
{
    /// <summary>Whether the application lives in <paramref name="tenant"/> (one whose input named no tenant lives in every one).</summary>
    public bool In(string tenant) => TenantId is null || string.Equals(TenantId, tenant, StringComparison.OrdinalIgnoreCase);
}
