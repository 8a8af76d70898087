using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>
/// The small manifest that names what an export cannot (docs/inputs.md):
/// <code>
/// { "keylessManifest": 1,
///   "gcp": { "projectNumbers": { "acme-prod": "123456789012" } },
///   "files": {
///     "deployer-policy.json": { "serviceAccount": "deployer@acme-prod.iam.gserviceaccount.com" },
///     "project-policy.json":  { "project": "acme-prod" },
///     "app-fics.json":        { "application": { "clientId": "…", "displayName": "ci-deployer", "objectId": "…" } },
///     "uami-fics.json":       { "managedIdentity": { "name": "id-ci", "clientId": "…", "tenantId": "…" } },
///     "branches.json":        { "gitlabProject": "acme/payments" } } }
/// </code>
/// File names are relative to the manifest's folder. <c>keyless pull</c> also says, per file, which API call it answers
/// (<c>response</c>), where a list continues (<c>nextPage</c>, relative to that file) and which files only list what
/// others hold in full (<c>listing</c>).
/// </summary>
public static class KeylessManifest
{
    public const string Marker = "keylessManifest";

    internal static bool IsManifest(JsonNode? root) => root is JsonObject o && o.ContainsKey(Marker);

    internal static void Read(JsonInput input, JsonObject root, TrustBuilder builder, Dictionary<string, InputContext> contexts)
    {
        if (root[Marker] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != 1)
        {
            throw input.Error("$." + Marker, "unsupported manifest version (expected 1)");
        }

        if (input.OptObject(root, "gcp", "$") is { } gcp)
        {
            foreach (var (id, number) in input.StrMap(gcp, "projectNumbers", "$.gcp"))
            {
                if (!number.All(char.IsAsciiDigit) || number.Length == 0)
                {
                    throw input.Error($"$.gcp.projectNumbers['{id}']", $"'{number}' is not a project number");
                }

                builder.ProjectNumbers[id] = number;
            }
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(input.File)) ?? ".";
        if (input.OptObject(root, "files", "$") is not { } files)
        {
            return;
        }

        foreach (var (name, node) in files)
        {
            var path = JsonInput.Child("$.files", name);
            var entry = input.Object(node, path);
            var context = new InputContext
            {
                ServiceAccount = input.Str(entry, "serviceAccount", path),
                Project = input.Str(entry, "project", path),
                GitLabProject = input.Str(entry, "gitlabProject", path),
                AzureParent = Parent(input, entry, path, builder),
                Response = input.Str(entry, "response", path),
                NextPage = input.Str(entry, "nextPage", path) is { } next ? Path.GetFullPath(Path.Combine(folder, Path.GetDirectoryName(name) ?? string.Empty, next)) : null,
                Listing = input.Bool(entry, "listing", path),
            };
            contexts[Path.GetFullPath(Path.Combine(folder, name))] = context;
        }
    }

    private static AzureParentRef? Parent(JsonInput input, JsonObject entry, string path, TrustBuilder builder)
    {
        var (kind, node) = entry["application"] is not null
            ? (AzureIdentityKind.Application, "application")
            : (AzureIdentityKind.ManagedIdentity, "managedIdentity");
        if (input.OptObject(entry, node, path) is not { } identity)
        {
            return null;
        }

        var at = JsonInput.Child(path, node);
        var clientId = input.Str(identity, "clientId", at);
        var name = input.Str(identity, kind == AzureIdentityKind.Application ? "displayName" : "name", at)
            ?? input.Str(identity, "name", at) ?? clientId ?? throw input.Error(at, "name the identity (displayName/name or clientId)");
        var objectId = input.Str(identity, "objectId", at) ?? input.Str(identity, "principalId", at);
        builder.AzureIdentities.Add(new AzureIdentity
        {
            Kind = kind,
            Name = name,
            ClientId = clientId,
            ObjectId = objectId,
            TenantId = input.Str(identity, "tenantId", at),
            ResourceId = input.Str(identity, "id", at),
            Source = input.Ref(at),
        });
        return new AzureParentRef { Kind = kind, ClientId = clientId, ObjectId = objectId, Name = name, ResourceId = input.Str(identity, "id", at) };
    }
}
