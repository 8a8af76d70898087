using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Azure;

/// <summary>
/// An ARM deployment template, as written by hand or compiled from Bicep: <c>resources</c> as an array, or (with
/// <c>"languageVersion": "2.0"</c>) as an object keyed by symbolic name; child resources declared at the top with a
/// <c>parent/child</c> name (Bicep writes <c>[format('{0}/{1}', parameters('identityName'), 'fic')]</c>) or nested
/// in their parent's <c>resources</c>. Values the template alone gives (literals, parameter defaults, variables,
/// <c>format</c>/<c>concat</c> of those) are read; any other expression leaves its field unknown.
/// </summary>
internal static class ArmTemplate
{
    public static bool Is(JsonObject o) =>
        o["$schema"] is JsonValue schema && schema.TryGetValue<string>(out var text)
        && text.Contains("deploymentTemplate", StringComparison.OrdinalIgnoreCase);

    public static void Import(JsonInput input, JsonObject template, TrustBuilder builder)
    {
        var expressions = new ArmExpression(template);
        var pending = new Stack<(JsonObject Resource, string Path, string? ParentKey, string? ParentType)>();
        foreach (var (resource, path) in TopLevel(input, template).Reverse())
        {
            pending.Push((resource, path, null, null));
        }

        while (pending.Count > 0)
        {
            var (resource, path, parentKey, parentType) = pending.Pop();
            var type = input.Str(resource, "type", path) ?? string.Empty;
            var fullType = parentType is not null && !type.Contains('/', StringComparison.Ordinal) ? parentType + "/" + type : type;
            var segments = expressions.Segments(input.Str(resource, "name", path) ?? string.Empty, out _);
            var key = parentKey is null ? string.Join('/', segments) : parentKey + "/" + string.Join('/', segments);
            if (string.Equals(fullType, AzureImporter.CredentialType, StringComparison.OrdinalIgnoreCase))
            {
                Credential(input, resource, path, expressions, key, builder);
            }
            else if (string.Equals(fullType, AzureImporter.IdentityType, StringComparison.OrdinalIgnoreCase))
            {
                builder.AzureIdentities.Add(new AzureIdentity
                {
                    Kind = AzureIdentityKind.ManagedIdentity,
                    Name = key,
                    TerraformAddress = "arm:" + key,
                    Unknown = ["clientId"],
                    Source = input.Ref(path),
                });
            }
            else
            {
                builder.Unrecognized.Add(new UnrecognizedInput($"ARM resource type '{fullType}'", input.Ref(path)));
            }

            if (resource["resources"] is JsonArray children)
            {
                // Nested child resources: their type and name are relative to this resource.
                var at = JsonInput.Child(path, "resources");
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    pending.Push((input.Object(children[i], JsonInput.Child(at, i)), JsonInput.Child(at, i), key, fullType));
                }
            }
        }
    }

    private static (JsonObject Resource, string Path)[] TopLevel(JsonInput input, JsonObject template)
    {
        switch (template["resources"])
        {
            case JsonArray array:
                return array.Select((node, i) => (input.Object(node, JsonInput.Child("$.resources", i)), JsonInput.Child("$.resources", i))).ToArray();
            case JsonObject symbolic:
                // languageVersion 2.0: {"symbolicName": {resource}}.
                return symbolic.Select(p => (input.Object(p.Value, JsonInput.Child("$.resources", p.Key)), JsonInput.Child("$.resources", p.Key))).ToArray();
            case null:
                return [];
            default:
                throw input.Error("$.resources", $"expected an array or (languageVersion 2.0) an object of resources, found {JsonInput.Describe(template["resources"])}");
        }
    }

    /// <summary>
    /// A credential whose key is <c>identity/credential</c>. Fields given by expressions the template does not resolve
    /// are unknown, never read as the expression's text.
    /// </summary>
    private static void Credential(JsonInput input, JsonObject resource, string path, ArmExpression expressions, string key, TrustBuilder builder)
    {
        var slash = key.LastIndexOf('/');
        var identityKey = slash > 0 ? key[..slash] : null;
        var copy = new JsonObject { ["name"] = slash > 0 ? key[(slash + 1)..] : key };
        var unknown = new List<string>();
        if (input.OptObject(resource, "properties", path) is { } properties)
        {
            var resolved = new JsonObject();
            foreach (var (name, value) in properties)
            {
                resolved[name] = Resolve(value, expressions, name, unknown);
            }

            copy["properties"] = resolved;
        }

        var parent = identityKey is null
            ? null
            : new AzureParentRef { Kind = AzureIdentityKind.ManagedIdentity, Name = identityKey, TerraformAddress = "arm:" + identityKey };
        AzureImporter.Credential(input, copy, path, parent, builder, unknown);
    }

    private static JsonNode? Resolve(JsonNode? value, ArmExpression expressions, string field, List<string> unknown)
    {
        switch (value)
        {
            case JsonValue v when v.TryGetValue<string>(out var text):
                if (expressions.Literal(text) is { } literal)
                {
                    return literal;
                }

                unknown.Add(field);
                return null;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    if (Resolve(item, expressions, field, unknown) is { } resolved)
                    {
                        items.Add(resolved);
                    }
                }

                return items;
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, member) in o)
                {
                    copy[name] = Resolve(member, expressions, field, unknown);
                }

                return copy;
            default:
                return value?.DeepClone();
        }
    }
}
