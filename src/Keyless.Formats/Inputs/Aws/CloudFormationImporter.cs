using System.Text;
using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Aws;

/// <summary>
/// CloudFormation templates in JSON: <c>AWS::IAM::OIDCProvider</c> (<c>Url</c>, <c>ClientIdList</c>) and
/// <c>AWS::IAM::Role</c> (<c>RoleName</c>, <c>AssumeRolePolicyDocument</c>). The intrinsics a trust policy uses are
/// resolved as CloudFormation would where the template alone decides: <c>Ref</c> and <c>Fn::GetAtt …Arn</c> of a
/// provider (its ARN, account unknown), <c>Ref</c> of a parameter with a default, <c>Fn::Sub</c> and <c>Fn::Join</c>;
/// anything else makes the role's trust not known until deployment.
/// </summary>
internal static class CloudFormationImporter
{
    private const string ProviderType = "AWS::IAM::OIDCProvider";
    private const string RoleType = "AWS::IAM::Role";

    public static bool IsTemplate(JsonObject o) =>
        o["Resources"] is JsonObject resources && resources.Count > 0
        && resources.All(r => r.Value is JsonObject res && res["Type"] is JsonValue t && t.TryGetValue<string>(out var type)
            && (type.StartsWith("AWS::", StringComparison.Ordinal) || type.StartsWith("Custom::", StringComparison.Ordinal)));

    public static void Template(JsonInput input, JsonObject o, TrustBuilder builder)
    {
        var resources = (JsonObject)o["Resources"]!;
        var providers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path, props) in OfType(input, resources, ProviderType))
        {
            var url = input.Str(props, "Url", path + ".Properties");
            if (url is null)
            {
                builder.Unrecognized.Add(new UnrecognizedInput($"{ProviderType} '{id}' whose Url is not a literal", input.Ref(path)));
                continue;
            }

            var provider = new AwsOidcProvider
            {
                Url = AwsOidcProvider.NormalizeUrl(url),
                ClientIds = props["ClientIdList"] is JsonArray ? input.StrList(props, "ClientIdList", path + ".Properties") : [],
                Source = input.Ref(path),
            };
            providers[id] = AwsArn.OidcProvider(string.Empty, provider.Url);
            builder.AwsProviders.Add(provider);
        }

        var parameters = o["Parameters"] as JsonObject ?? [];
        foreach (var (id, path, props) in OfType(input, resources, RoleType))
        {
            var unknown = new List<string>();
            var document = Resolve(props["AssumeRolePolicyDocument"], providers, parameters, unknown, "AssumeRolePolicyDocument");
            var (statements, error) = AwsTrustPolicy.Parse(document);
            builder.AwsRoles.Add(new AwsRole
            {
                // Without RoleName CloudFormation generates a name from the stack and the logical id.
                Name = input.Str(props, "RoleName", path + ".Properties") ?? id,
                Statements = statements,
                PolicyError = unknown.Count > 0 ? null : error,
                Unknown = unknown,
                Source = input.Ref(path + ".Properties.AssumeRolePolicyDocument"),
            });
        }
    }

    // The resources of one type, with their logical id, path and properties (empty when the template gives none).
    private static IEnumerable<(string Id, string Path, JsonObject Properties)> OfType(JsonInput input, JsonObject resources, string type)
    {
        foreach (var (id, node) in resources)
        {
            var path = $"$.Resources.{id}";
            var resource = input.Object(node, path);
            if (input.Str(resource, "Type", path) == type)
            {
                yield return (id, path, input.OptObject(resource, "Properties", path) ?? []);
            }
        }
    }

    // A copy of the node with every intrinsic the template decides replaced by its value.
    private static JsonNode? Resolve(JsonNode? node, Dictionary<string, string> providers, JsonObject parameters, List<string> unknown, string path)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 1 && Intrinsic(o) is { } name:
                var value = Evaluate(name, o[name], providers, parameters, unknown, path);
                return value is null ? JsonValue.Create($"(unresolved {name})") : JsonValue.Create(value);
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, child) in o)
                {
                    copy[key] = Resolve(child, providers, parameters, unknown, $"{path}.{key}");
                }

                return copy;
            case JsonArray a:
                return new JsonArray([.. a.Select((child, i) => Resolve(child, providers, parameters, unknown, $"{path}[{i}]"))]);
            default:
                return node?.DeepClone();
        }
    }

    private static string? Intrinsic(JsonObject o)
    {
        var key = o.First().Key;
        return key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal) ? key : null;
    }

    private static string? Evaluate(string name, JsonNode? argument, Dictionary<string, string> providers, JsonObject parameters, List<string> unknown, string path)
    {
        string? result = name switch
        {
            "Ref" => Text(argument) is { } id ? Reference(id, providers, parameters) : null,
            "Fn::GetAtt" => GetAtt(argument) is ({ } id, "Arn") && providers.TryGetValue(id, out var arn) ? arn : null,
            "Fn::Sub" => Text(argument) is { } template ? Sub(template, providers, parameters) : null,
            "Fn::Join" => argument is JsonArray { Count: 2 } join && Text(join[0]) is { } sep && join[1] is JsonArray parts
                ? Join(sep, parts, providers, parameters, unknown, path)
                : null,
            _ => null,
        };
        if (result is null)
        {
            unknown.Add($"{path} ({name})");
        }

        return result;
    }

    private static string? Join(string separator, JsonArray parts, Dictionary<string, string> providers, JsonObject parameters, List<string> unknown, string path)
    {
        var values = parts.Select(p => Resolve(p, providers, parameters, unknown, path)).Select(Text).ToArray();
        return values.All(v => v is not null) ? string.Join(separator, values) : null;
    }

    private static string? Reference(string id, Dictionary<string, string> providers, JsonObject parameters) => id switch
    {
        // The account is the deploying one; an empty account field makes the ARN match its provider by URL alone.
        "AWS::AccountId" => string.Empty,
        "AWS::Partition" => "aws",
        _ when providers.TryGetValue(id, out var arn) => arn,
        _ => parameters[id] is JsonObject p ? Text(p["Default"]) : null,
    };

    private static (string? Id, string? Attribute) GetAtt(JsonNode? argument) => argument switch
    {
        JsonArray { Count: 2 } a => (Text(a[0]), Text(a[1])),
        _ when Text(argument) is { } dotted && dotted.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 => (dotted[..dot], dotted[(dot + 1)..]),
        _ => (null, null),
    };

    // ${Name} and ${Name.Arn}; ${!Literal} stays literal. Linear scan, no regex.
    private static string? Sub(string template, Dictionary<string, string> providers, JsonObject parameters)
    {
        var text = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("${", i, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            var name = template[(open + 2)..close];
            if (name.StartsWith('!'))
            {
                text.Append("${").Append(name[1..]).Append('}');
            }
            else
            {
                var value = name.EndsWith(".Arn", StringComparison.Ordinal) && providers.TryGetValue(name[..^4], out var arn)
                    ? arn
                    : Reference(name, providers, parameters);
                if (value is null)
                {
                    return null;
                }

                text.Append(value);
            }

            i = close + 1;
        }

        return text.ToString();
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
