using System.Text.Json.Nodes;
using Keyless.Emulator.Reads;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Entra;

/// <summary>
/// The trust's Entra applications as Microsoft Graph returns them (microsoft-graph-docs-contrib
/// <c>api-reference/v1.0/resources/application.md</c>, <c>federatedidentitycredential.md</c> in v1.0 and beta;
/// tests/real-shapes/graph-*/SOURCE.md): the <c>application</c> resource with its <c>passwordCredentials</c> (metadata:
/// <c>secretText</c> is null after creation), and its federated identity credentials, flexible ones with beta's
/// <c>claimsMatchingExpression</c>. Ids an input did not carry are derived from the application's name.
/// </summary>
public sealed class GraphReadModel
{
    public GraphReadModel(TrustSet trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Applications = [.. trust.AzureIdentities.Where(i => i.Kind == AzureIdentityKind.Application).Select(a => Application(trust, a))];
    }

    public IReadOnlyList<GraphApplication> Applications { get; }

    /// <summary>The application a path key names: its object id, or <c>(appId='…')</c>.</summary>
    public GraphApplication? Find(string tenant, string key)
    {
        const string ByAppId = "(appId='";
        return key.StartsWith(ByAppId, StringComparison.Ordinal) && key.EndsWith("')", StringComparison.Ordinal)
            ? Applications.FirstOrDefault(a => a.In(tenant) && a.AppId.Equals(key[ByAppId.Length..^2], StringComparison.OrdinalIgnoreCase))
            : Applications.FirstOrDefault(a => a.In(tenant) && a.ObjectId.Equals(key, StringComparison.OrdinalIgnoreCase));
    }

    private static GraphApplication Application(TrustSet trust, AzureIdentity app)
    {
        var objectId = app.ObjectId ?? StableIds.Guid("application-object", app.Name);
        var appId = app.ClientId ?? StableIds.Guid("application-client", app.Name);
        var passwords = trust.StaticCredentials
            .Where(k => k.Kind == StaticCredentialKind.AzureClientSecret && Owns(k.Owner, objectId, appId))
            .Select(k => (JsonNode)new JsonObject
            {
                ["customKeyIdentifier"] = null,
                ["displayName"] = k.DisplayName,
                ["endDateTime"] = "2027-01-01T00:00:00Z",
                ["hint"] = "kl~",
                ["keyId"] = k.KeyId is { } id && Guid.TryParse(id, out _) ? id : StableIds.Guid("password", appId + "/" + k.KeyId),
                ["secretText"] = null,
                ["startDateTime"] = "2025-01-01T00:00:00Z",
            });
        var resource = new JsonObject
        {
            ["id"] = objectId,
            ["appId"] = appId,
            ["displayName"] = app.Name,
            ["createdDateTime"] = "2025-01-01T00:00:00Z",
            ["signInAudience"] = "AzureADMyOrg",
            ["keyCredentials"] = new JsonArray(),
            ["passwordCredentials"] = new JsonArray([.. passwords]),
        };
        var v1 = new List<JsonObject>();
        var beta = new List<JsonObject>();
        foreach (var credential in app.Credentials)
        {
            var common = new JsonObject
            {
                ["audiences"] = new JsonArray([.. credential.Audiences.Select(a => (JsonNode)a)]),
                ["description"] = null,
                ["id"] = StableIds.Guid("federated-credential", objectId + "/" + credential.Name),
                ["issuer"] = credential.Issuer,
                ["name"] = credential.Name,
                ["subject"] = credential.Subject,
            };
            v1.Add(common);
            var flexible = (JsonObject)common.DeepClone();
            flexible["claimsMatchingExpression"] = credential.ClaimsMatchingExpression is { } expression
                ? new JsonObject { ["value"] = expression, ["languageVersion"] = 1 }
                : null;
            beta.Add(flexible);
        }

        return new GraphApplication(objectId, appId, app.TenantId, resource, v1, beta);
    }

    private static bool Owns(string owner, string objectId, string appId) =>
        owner.Equals(appId, StringComparison.OrdinalIgnoreCase) || owner.Equals(objectId, StringComparison.OrdinalIgnoreCase)
        || owner.EndsWith("/applications/" + objectId, StringComparison.OrdinalIgnoreCase)
        || owner.EndsWith("/" + objectId, StringComparison.OrdinalIgnoreCase);
}
