using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Azure;

/// <summary>
/// Entra and Azure JSON: Graph v1.0/beta federated credentials (single object, <c>{"value": […]}</c> list,
/// <c>@odata.context</c> naming the application), <c>az ad app federated-credential list</c> (a plain array),
/// <c>az identity federated-credential list</c> (flattened ARM), ARM resources and templates, Graph
/// applications and ARM/az user-assigned identities.
/// </summary>
internal static class AzureImporter
{
    public const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public const string CredentialType = "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";

    public static bool IsCredential(JsonObject o) =>
        (o.ContainsKey("issuer") && o.ContainsKey("audiences") && (o.ContainsKey("subject") || o.ContainsKey("claimsMatchingExpression")))
        || IsType(o, CredentialType);

    public static bool IsApplication(JsonObject o) => o.ContainsKey("appId") && o.ContainsKey("displayName");

    public static bool IsManagedIdentity(JsonObject o) => IsType(o, IdentityType);

    /// <summary>An ARM deployment template (<see cref="ArmTemplate"/>).</summary>
    public static bool IsTemplate(JsonObject o) => ArmTemplate.Is(o);

    public static void Template(JsonInput input, JsonObject o, TrustBuilder builder) => ArmTemplate.Import(input, o, builder);

    public static bool IsType(JsonObject o, string type) =>
        o["type"] is JsonValue v && v.TryGetValue<string>(out var t) && string.Equals(t, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The application a Graph <c>@odata.context</c> names: <c>…#applications('OBJECT-ID')/…</c>.</summary>
    public static AzureParentRef? ParentFromODataContext(string? context)
    {
        if (context is null)
        {
            return null;
        }

        foreach (var (marker, isAppId) in new[] { ("applications(appId='", true), ("applications('", false) })
        {
            var start = context.IndexOf(marker, StringComparison.Ordinal);
            if (start >= 0)
            {
                start += marker.Length;
                var end = context.IndexOf('\'', start);
                if (end > start)
                {
                    var id = context[start..end];
                    return isAppId
                        ? new AzureParentRef { Kind = AzureIdentityKind.Application, ClientId = id }
                        : new AzureParentRef { Kind = AzureIdentityKind.Application, ObjectId = id };
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The application a Graph list item's <c>@odata.id</c> names
    /// (<c>…/Microsoft.DirectoryServices.Application('OBJECT-ID')/federatedIdentityCredentials/ID</c>): Graph's own list
    /// example carries it on each item instead of an <c>@odata.context</c>.
    /// </summary>
    public static AzureParentRef? ParentFromODataId(string? id)
    {
        const string Marker = "Application('";
        var start = id?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += Marker.Length;
        var end = id!.IndexOf('\'', start);
        return end > start ? new AzureParentRef { Kind = AzureIdentityKind.Application, ObjectId = id[start..end] } : null;
    }

    /// <summary>
    /// A federated credential. <paramref name="unknown"/> lists the fields an ARM template gives by expressions it does
    /// not resolve: those are unknown, not missing.
    /// </summary>
    public static void Credential(JsonInput input, JsonObject o, string path, AzureParentRef? parent, TrustBuilder builder, IReadOnlyList<string>? unknown = null)
    {
        unknown ??= [];
        // ARM nests the fields under properties; Graph and az list them at the top.
        var fieldsPath = o["properties"] is JsonObject ? JsonInput.Child(path, "properties") : path;
        var fields = o["properties"] as JsonObject ?? o;
        var name = input.Str(o, "name", path) ?? input.Str(o, "id", path) ?? "(unnamed)";
        var armId = input.Str(o, "id", path);
        if (armId is not null && armId.Contains("/federatedIdentityCredentials/", StringComparison.OrdinalIgnoreCase))
        {
            var identityId = armId[..armId.IndexOf("/federatedIdentityCredentials/", StringComparison.OrdinalIgnoreCase)];
            parent ??= new AzureParentRef
            {
                Kind = AzureIdentityKind.ManagedIdentity,
                ResourceId = identityId,
                Name = identityId[(identityId.LastIndexOf('/') + 1)..],
            };
        }

        var issuer = input.Str(fields, "issuer", fieldsPath);
        if (issuer is null && !unknown.Contains("issuer"))
        {
            throw input.Error(JsonInput.Child(fieldsPath, "issuer"), "a federated credential needs an issuer");
        }

        var expression = input.OptObject(fields, "claimsMatchingExpression", fieldsPath) is { } cme
            ? input.RequireStr(cme, "value", JsonInput.Child(fieldsPath, "claimsMatchingExpression"))
            : null;
        var subject = input.Str(fields, "subject", fieldsPath);
        if (subject is null && expression is null && !unknown.Contains("subject") && !unknown.Contains("claimsMatchingExpression"))
        {
            throw input.Error(fieldsPath, "a federated credential needs a subject or a claimsMatchingExpression");
        }

        builder.AzureCredentials.Add(new AzureFederatedCredential
        {
            Name = name,
            Issuer = issuer,
            Subject = expression is null ? subject : null,
            Audiences = input.StrList(fields, "audiences", fieldsPath),
            ClaimsMatchingExpression = expression,
            Parent = parent ?? new AzureParentRef { Name = $"an unnamed identity ({Path.GetFileName(input.File)})" },
            Unknown = [.. unknown.Distinct(StringComparer.Ordinal)],
            Source = input.Ref(path),
        });
    }

    public static void Application(JsonInput input, JsonObject o, string path, TrustBuilder builder)
    {
        var objectId = input.Str(o, "id", path);
        var clientId = input.RequireStr(o, "appId", path);
        builder.AzureIdentities.Add(new AzureIdentity
        {
            Kind = AzureIdentityKind.Application,
            Name = input.Str(o, "displayName", path) ?? clientId,
            ClientId = clientId,
            ObjectId = objectId,
            Source = input.Ref(path),
        });

        // Graph with $expand=federatedIdentityCredentials carries them inline.
        if (o["federatedIdentityCredentials"] is JsonArray credentials)
        {
            var parent = new AzureParentRef { Kind = AzureIdentityKind.Application, ClientId = clientId, ObjectId = objectId };
            var at = JsonInput.Child(path, "federatedIdentityCredentials");
            for (var i = 0; i < credentials.Count; i++)
            {
                Credential(input, input.Object(credentials[i], JsonInput.Child(at, i)), JsonInput.Child(at, i), parent, builder);
            }
        }
    }

    public static void ManagedIdentity(JsonInput input, JsonObject o, string path, TrustBuilder builder)
    {
        var fieldsPath = o["properties"] is JsonObject ? JsonInput.Child(path, "properties") : path;
        var fields = o["properties"] as JsonObject ?? o;
        var name = input.RequireStr(o, "name", path);
        builder.AzureIdentities.Add(new AzureIdentity
        {
            Kind = AzureIdentityKind.ManagedIdentity,
            Name = name,
            ClientId = input.Str(fields, "clientId", fieldsPath),
            ObjectId = input.Str(fields, "principalId", fieldsPath),
            TenantId = input.Str(fields, "tenantId", fieldsPath),
            ResourceId = input.Str(o, "id", path),
            Source = input.Ref(path),
        });
    }
}
