using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Emulator.Reads;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Entra;

/// <summary>
/// The trust's user-assigned managed identities as Azure Resource Manager returns them (azure-rest-api-specs
/// <c>specification/msi/…/examples/2025-01-31-preview/IdentityListBySubscription.json</c> and
/// <c>FederatedIdentityCredentialList.json</c>): <c>{id, name, type, location, tags, properties{clientId, principalId,
/// tenantId, isolationScope}}</c> and credentials with <c>properties{issuer, subject | claimsMatchingExpression,
/// audiences}</c>. An identity an input names without its ARM id lives in its tenant's stand-in subscription, resource
/// group <c>keyless-emulator</c>.
/// </summary>
public sealed class ArmReadModel
{
    public const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";

    public ArmReadModel(TrustSet trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Identities = [.. trust.AzureIdentities.Where(i => i.Kind == AzureIdentityKind.ManagedIdentity).Select(Identity)];
        Subscriptions = [.. Identities.Select(i => i.Subscription).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlyList<ArmIdentity> Identities { get; }

    /// <summary>The subscriptions the identities live in.</summary>
    public IReadOnlyList<string> Subscriptions { get; }

    /// <summary>One stable subscription id per tenant, for a trust that names none.</summary>
    public static string StandInSubscription(string tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("keyless-emulator-subscription:" + tenant));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static ArmIdentity Identity(AzureIdentity identity)
    {
        var tenant = identity.TenantId ?? StableIds.Guid("tenant", "default");
        var (subscription, group) = Parts(identity.ResourceId) ?? (StandInSubscription(tenant), "keyless-emulator");
        var id = identity.ResourceId ?? $"/subscriptions/{subscription}/resourceGroups/{group}/providers/{IdentityType}/{identity.Name}";
        var resource = new JsonObject
        {
            ["id"] = id,
            ["location"] = "westeurope",
            ["name"] = identity.Name,
            ["properties"] = new JsonObject
            {
                ["clientId"] = identity.ClientId ?? StableIds.Guid("identity-client", id.ToLowerInvariant()),
                ["principalId"] = identity.ObjectId ?? StableIds.Guid("identity-principal", id.ToLowerInvariant()),
                ["tenantId"] = tenant,
                ["isolationScope"] = "None",
            },
            ["tags"] = new JsonObject(),
            ["type"] = IdentityType,
        };
        var credentials = identity.Credentials.Select(c =>
        {
            var properties = new JsonObject { ["issuer"] = c.Issuer };
            if (c.ClaimsMatchingExpression is { } expression)
            {
                properties["claimsMatchingExpression"] = new JsonObject { ["languageVersion"] = 1, ["value"] = expression };
            }
            else
            {
                properties["subject"] = c.Subject;
            }

            properties["audiences"] = new JsonArray([.. c.Audiences.Select(a => (JsonNode)a)]);
            return new JsonObject
            {
                ["id"] = $"{id}/federatedIdentityCredentials/{c.Name}",
                ["name"] = c.Name,
                ["properties"] = properties,
                ["type"] = IdentityType + "/federatedIdentityCredentials",
            };
        }).ToList();
        return new ArmIdentity(subscription, group, identity.Name, resource, credentials);
    }

    private static (string Subscription, string Group)? Parts(string? resourceId)
    {
        var s = resourceId?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return s is { Length: >= 4 } && s[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
               && s[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            ? (s[1], s[3])
            : null;
    }
}
