using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Gcloud;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>
/// Finds static keys beside federation in inputs already parsed: <c>google_service_account_key</c> and
/// <c>azuread_application_password</c> in Terraform JSON (show -json of a state or plan, raw state), user-managed
/// keys in <c>gcloud iam service-accounts keys list</c> (or the IAM REST keys.list), and <c>passwordCredentials</c>
/// on Graph application objects. Records where each key is, never its value.
/// </summary>
internal static class StaticCredentialImporter
{
    public const string ServiceAccountKeyType = "google_service_account_key";
    public const string ApplicationPasswordType = "azuread_application_password";
    public const string AccessKeyType = "aws_iam_access_key";

    public static TrustSet Attach(TrustSet trust, IEnumerable<(string File, JsonNode? Root)> inputs)
    {
        var found = new List<StaticCredential>();
        foreach (var (file, root) in inputs)
        {
            found.AddRange(Collect(file, root));
        }

        return found.Count == 0 ? trust : trust with { StaticCredentials = [.. trust.StaticCredentials, .. found] };
    }

    public static IEnumerable<StaticCredential> Collect(string file, JsonNode? root)
    {
        var stack = new Stack<(JsonNode? Node, string Path)>();
        stack.Push((root, "$"));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            switch (node)
            {
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        stack.Push((array[i], $"{path}[{i}]"));
                    }

                    break;
                case JsonObject o:
                    foreach (var credential in From(file, o, path))
                    {
                        yield return credential;
                    }

                    foreach (var (key, value) in o)
                    {
                        // A resource's own values are read by From; everything else may nest more resources.
                        var resourceBody = o.ContainsKey("type") && key is "values" or "attributes" or "instances";
                        if (value is JsonObject or JsonArray && !resourceBody && key != "passwordCredentials")
                        {
                            stack.Push((value, $"{path}.{key}"));
                        }
                    }

                    break;
            }
        }
    }

    private static IEnumerable<StaticCredential> From(string file, JsonObject o, string path)
    {
        var type = Str(o, "type");
        if (type is ServiceAccountKeyType or ApplicationPasswordType or AccessKeyType && o["instances"] is JsonArray instances)
        {
            // A raw state: the type sits on the resource, the values on each instance.
            for (var i = 0; i < instances.Count; i++)
            {
                if (instances[i] is JsonObject instance && instance["attributes"] is JsonObject)
                {
                    var typed = new JsonObject { ["type"] = type, ["attributes"] = instance["attributes"]!.DeepClone() };
                    foreach (var credential in From(file, typed, $"{path}.instances[{i}]"))
                    {
                        yield return credential;
                    }
                }
            }

            yield break;
        }

        var values = o["values"] as JsonObject ?? o["attributes"] as JsonObject;
        var valuesPath = path + (o["values"] is JsonObject ? ".values" : ".attributes");
        if (type == ServiceAccountKeyType && values is not null && Str(values, "service_account_id") is { } account)
        {
            yield return new StaticCredential
            {
                Kind = StaticCredentialKind.GcpServiceAccountKey,
                Owner = account,
                KeyId = Str(values, "name") ?? Str(o, "address"),
                Source = new SourceRef(file, valuesPath),
            };
        }
        else if (type == ApplicationPasswordType && values is not null
                 && (Str(values, "application_id") ?? Str(values, "application_object_id")) is { } application)
        {
            yield return new StaticCredential
            {
                Kind = StaticCredentialKind.AzureClientSecret,
                Owner = application,
                KeyId = Str(values, "key_id"),
                DisplayName = Str(values, "display_name"),
                Source = new SourceRef(file, valuesPath),
            };
        }
        else if (type == AccessKeyType && values is not null && Str(values, "user") is { } user)
        {
            yield return new StaticCredential
            {
                Kind = StaticCredentialKind.AwsAccessKey,
                Owner = user,
                KeyId = Str(values, "id"),
                DisplayName = Str(values, "status"),
                Source = new SourceRef(file, valuesPath),
            };
        }
        else if (o["AccessKeyMetadata"] is JsonArray accessKeys)
        {
            // aws iam list-access-keys: every key of the user, an inactive one included (it can be activated again).
            for (var i = 0; i < accessKeys.Count; i++)
            {
                if (accessKeys[i] is JsonObject key && Str(key, "UserName") is { } keyUser)
                {
                    yield return new StaticCredential
                    {
                        Kind = StaticCredentialKind.AwsAccessKey,
                        Owner = keyUser,
                        KeyId = Str(key, "AccessKeyId"),
                        DisplayName = Str(key, "Status"),
                        Source = new SourceRef(file, $"{path}.AccessKeyMetadata[{i}]"),
                    };
                }
            }
        }
        else if (GcloudImporter.IsServiceAccountKey(o) && Str(o, "keyType") == "USER_MANAGED"
                 && GcloudImporter.ServiceAccountKeyName(o) is var (keyAccount, keyId))
        {
            // SYSTEM_MANAGED keys are Google's own and never leave Google; a disabled user-managed key is still
            // reported: it can be enabled again, and deleting it is the fix either way.
            yield return new StaticCredential
            {
                Kind = StaticCredentialKind.GcpServiceAccountKey,
                Owner = keyAccount,
                KeyId = keyId,
                Source = new SourceRef(file, path),
            };
        }
        else if (o.ContainsKey("appId") && o["passwordCredentials"] is JsonArray passwords && Str(o, "appId") is { } appId)
        {
            for (var i = 0; i < passwords.Count; i++)
            {
                if (passwords[i] is JsonObject password)
                {
                    yield return new StaticCredential
                    {
                        Kind = StaticCredentialKind.AzureClientSecret,
                        Owner = appId,
                        KeyId = Str(password, "keyId"),
                        DisplayName = Str(password, "displayName"),
                        Source = new SourceRef(file, $"{path}.passwordCredentials[{i}]"),
                    };
                }
            }
        }
    }

    private static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
