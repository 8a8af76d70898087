using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Gcloud;

/// <summary>
/// gcloud and IAM REST JSON: pools and providers (<c>describe</c> objects, <c>list</c> arrays, camelCase, false
/// and empty fields omitted, names with the project number) and <c>get-iam-policy</c> bindings.
/// </summary>
internal static class GcloudImporter
{
    public static readonly string[] OtherProtocols = ["aws", "saml", "x509"];

    public static bool IsPoolOrProvider(JsonObject o) =>
        o["name"] is JsonValue v && v.TryGetValue<string>(out var name)
        && name.StartsWith("projects/", StringComparison.Ordinal) && name.Contains("/workloadIdentityPools/", StringComparison.Ordinal);

    /// <summary>
    /// A service-account key as <c>gcloud iam service-accounts keys list/describe --format=json</c> and the IAM REST
    /// API give it: <c>name</c> is <c>projects/P/serviceAccounts/EMAIL/keys/KEY_ID</c>, with <c>keyType</c>.
    /// </summary>
    public static bool IsServiceAccountKey(JsonObject o) => ServiceAccountKeyName(o) is not null && o.ContainsKey("keyType");

    /// <summary>The account (<c>projects/P/serviceAccounts/EMAIL</c>) and key id of a key's name, or null.</summary>
    public static (string Account, string KeyId)? ServiceAccountKeyName(JsonObject o)
    {
        if (o["name"] is not JsonValue v || !v.TryGetValue<string>(out var name))
        {
            return null;
        }

        var parts = name.Split('/');
        return parts is ["projects", { Length: > 0 }, "serviceAccounts", { Length: > 0 }, "keys", { Length: > 0 } keyId]
            ? (string.Join('/', parts[..4]), keyId)
            : null;
    }

    public static bool IsIamPolicy(JsonObject o) => o["bindings"] is JsonArray || (o.ContainsKey("etag") && o.Count <= 3 && !o.ContainsKey("name"));

    public static void PoolOrProvider(JsonInput input, JsonObject o, string path, TrustBuilder builder)
    {
        var name = input.RequireStr(o, "name", path);
        var parts = name.Split('/');
        var state = input.Str(o, "state", path) == "DELETED" ? ResourceState.Deleted : ResourceState.Active;
        if (parts.Length == 6 && parts[4] == "workloadIdentityPools")
        {
            builder.Pools.Add(new GcpPool
            {
                Project = GcpProjectRef.Parse(parts[1]),
                PoolId = parts[5],
                Disabled = input.Bool(o, "disabled", path),
                State = state,
                DisplayName = input.Str(o, "displayName", path),
                Source = input.Ref(path),
            });
            return;
        }

        if (parts.Length != 8 || parts[4] != "workloadIdentityPools" || parts[6] != "providers")
        {
            throw input.Error(JsonInput.Child(path, "name"), $"'{name}' is neither a pool nor a provider name");
        }

        var oidc = input.OptObject(o, "oidc", path);
        var protocol = oidc is not null ? "oidc" : OtherProtocols.FirstOrDefault(o.ContainsKey) ?? "oidc";
        var oidcPath = JsonInput.Child(path, "oidc");
        builder.Providers.Add(new GcpProvider
        {
            Project = GcpProjectRef.Parse(parts[1]),
            PoolId = parts[5],
            ProviderId = parts[7],
            Protocol = protocol,
            IssuerUri = oidc is null ? null : input.Str(oidc, "issuerUri", oidcPath),
            AllowedAudiences = oidc is null ? [] : input.StrList(oidc, "allowedAudiences", oidcPath),
            JwksJson = oidc is null ? null : input.Str(oidc, "jwksJson", oidcPath),
            AttributeMapping = input.StrMap(o, "attributeMapping", path),
            AttributeCondition = input.Str(o, "attributeCondition", path),
            Disabled = input.Bool(o, "disabled", path),
            State = state,
            DisplayName = input.Str(o, "displayName", path),
            Source = input.Ref(path),
        });
    }

    /// <summary>A get-iam-policy result; the resource comes from the manifest (the export does not name it).</summary>
    public static void IamPolicy(JsonInput input, JsonObject o, string path, InputContext context, TrustBuilder builder)
    {
        var target = context.ServiceAccount is { } sa ? GcpBindingTarget.ServiceAccount(sa)
            : context.Project is { } project ? GcpBindingTarget.Project(project)
            : throw input.Error(path, "a bare get-iam-policy does not say which service account or project it belongs to; name it in a keyless manifest (docs/inputs.md)");
        ReadBindings(input, o, path, target, builder, fromReference: false);
    }

    public static void ReadBindings(JsonInput input, JsonObject policy, string path, GcpBindingTarget target, TrustBuilder builder, bool fromReference)
    {
        if (policy["bindings"] is null)
        {
            return;
        }

        var bindingsPath = JsonInput.Child(path, "bindings");
        var bindings = input.Array(policy["bindings"], bindingsPath);
        for (var i = 0; i < bindings.Count; i++)
        {
            var at = JsonInput.Child(bindingsPath, i);
            var binding = input.Object(bindings[i], at);
            var role = input.RequireStr(binding, "role", at);
            var condition = input.OptObject(binding, "condition", at) is { } c ? input.Str(c, "expression", JsonInput.Child(at, "condition")) : null;
            var members = input.StrList(binding, "members", at);
            for (var m = 0; m < members.Count; m++)
            {
                builder.Bindings.Add(new GcpBinding
                {
                    Target = target,
                    Role = role,
                    Member = members[m],
                    MemberFromReference = fromReference,
                    ConditionExpression = condition,
                    Source = input.Ref(JsonInput.Child(JsonInput.Child(at, "members"), m)),
                });
            }
        }
    }
}
