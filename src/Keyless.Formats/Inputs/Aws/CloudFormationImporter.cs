using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Aws;

/// <summary>
/// CloudFormation templates, in JSON or (through <see cref="CloudFormationYaml"/>) YAML: <c>AWS::IAM::OIDCProvider</c>
/// (<c>Url</c>, <c>ClientIdList</c>) and <c>AWS::IAM::Role</c> (<c>RoleName</c>, <c>AssumeRolePolicyDocument</c>). The
/// intrinsics in them are resolved by <see cref="CloudFormationIntrinsics"/> where the template alone decides; anything
/// else makes the role's trust (or the provider's audiences) not known until deployment.
/// </summary>
internal static class CloudFormationImporter
{
    private const string ProviderType = "AWS::IAM::OIDCProvider";
    private const string RoleType = "AWS::IAM::Role";

    // A template says it is one (AWSTemplateFormatVersion, optional) or names only resource types of AWS's registry.
    public static bool IsTemplate(JsonObject o) =>
        o["Resources"] is JsonObject resources && resources.Count > 0
        && (o["AWSTemplateFormatVersion"] is JsonValue
            || resources.All(r => r.Value is JsonObject res && res["Type"] is JsonValue t && t.TryGetValue<string>(out var type)
                && (type.StartsWith("AWS::", StringComparison.Ordinal) || type.StartsWith("Custom::", StringComparison.Ordinal))));

    public static void Template(JsonInput input, JsonObject o, TrustBuilder builder)
    {
        var resources = input.Object(o["Resources"], "$.Resources");
        var providers = new Dictionary<string, string>(StringComparer.Ordinal);
        var intrinsics = new CloudFormationIntrinsics(o, providers);
        foreach (var (id, path, props) in OfType(input, resources, ProviderType, intrinsics))
        {
            var unknown = new List<string>();
            var url = intrinsics.ResolveText(props["Url"], path + ".Properties.Url", unknown);
            if (url is null)
            {
                builder.Unrecognized.Add(new UnrecognizedInput($"{ProviderType} '{id}' whose Url the template alone does not decide", input.Ref(path)));
                continue;
            }

            var clients = intrinsics.Resolve(props["ClientIdList"], path + ".Properties.ClientIdList", unknown);
            var provider = new AwsOidcProvider
            {
                Url = AwsOidcProvider.NormalizeUrl(url),
                ClientIds = unknown.Count == 0 ? input.StrList(new JsonObject { ["ClientIdList"] = clients }, "ClientIdList", path + ".Properties") : [],
                Unknown = unknown.Count > 0 ? ["ClientIDList (" + string.Join(", ", unknown) + ")"] : [],
                Source = input.Ref(path),
            };
            providers[id] = AwsArn.OidcProvider(string.Empty, provider.Url);
            builder.AwsProviders.Add(provider);
        }

        foreach (var (id, path, props) in OfType(input, resources, RoleType, intrinsics))
        {
            var unknown = new List<string>();
            var document = intrinsics.Resolve(props["AssumeRolePolicyDocument"], path + ".Properties.AssumeRolePolicyDocument", unknown);
            var (statements, error) = AwsTrustPolicy.Parse(document);

            // Without RoleName (or with one known only at deployment) CloudFormation names the role from the stack
            // and the logical id; the logical id is what the template says.
            var name = intrinsics.ResolveText(props["RoleName"], path + ".Properties.RoleName", []) ?? id;
            builder.AwsRoles.Add(new AwsRole
            {
                Name = name,
                Statements = statements,
                PolicyError = unknown.Count > 0 ? null : error,
                Unknown = unknown,
                Source = input.Ref(path + ".Properties.AssumeRolePolicyDocument"),
            });
        }
    }

    // The resources of one type the template creates, with their logical id, path and properties (empty when the
    // template gives none). A resource whose Condition is false is not created.
    private static IEnumerable<(string Id, string Path, JsonObject Properties)> OfType(JsonInput input, JsonObject resources, string type, CloudFormationIntrinsics intrinsics)
    {
        foreach (var (id, node) in resources)
        {
            var path = JsonInput.Child("$.Resources", id);
            var resource = input.Object(node, path);
            if (input.Str(resource, "Type", path) == type
                && !(input.Str(resource, "Condition", path) is { } condition && intrinsics.Condition(condition) == false))
            {
                yield return (id, path, input.OptObject(resource, "Properties", path) ?? []);
            }
        }
    }
}
