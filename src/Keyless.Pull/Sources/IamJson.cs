using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Keyless.Pull.Sources;

/// <summary>
/// IAM's Query API XML as the AWS CLI prints it (<c>aws iam … --output json</c>), the shapes Keyless reads: the members
/// of the <c>…Result</c> element by name; a list (the Query protocol's <c>member</c> elements) as an array; the members
/// botocore's iam-2010-05-08 model types as integer or boolean as such; a role's <c>AssumeRolePolicyDocument</c>
/// URL-decoded and parsed, as the CLI prints it (a JSON object). Timestamps stay as IAM wrote them.
/// </summary>
internal static class IamJson
{
    // The list-typed members of the shapes pulled (Role, User, AccessKeyMetadata, the OIDC provider and the list outputs).
    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal)
    {
        "Roles", "Users", "AccessKeyMetadata", "OpenIDConnectProviderList", "ClientIDList", "ThumbprintList", "Tags",
    };

    private static readonly HashSet<string> Integers = new(StringComparer.Ordinal) { "MaxSessionDuration" };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "IsTruncated" };

    // IAM's shapes nest three deep (Roles > member > RoleLastUsed); more is no IAM answer.
    private const int MaxDepth = 8;

    /// <summary>An IAM answer's XML, parsed with no DTD and bounded in size; throws <see cref="XmlException"/> when it is not XML.</summary>
    public static XElement Parse(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 64L * 1024 * 1024 };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XElement.Load(reader);
    }

    /// <summary>The <c>ActionResult</c> element of an answer, or null.</summary>
    public static XElement? Result(XElement answer, string action) => answer.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result");

    /// <summary>The error code and message of an <c>ErrorResponse</c>, or nulls.</summary>
    public static (string? Code, string? Message) Error(XElement? answer)
    {
        var error = answer?.Elements().FirstOrDefault(e => e.Name.LocalName == "Error");
        return (Child(error, "Code"), Child(error, "Message"));
    }

    /// <summary>The result's members as the CLI's JSON object.</summary>
    public static JsonObject ToJson(XElement result) => Object(result, 0);

    private static JsonObject Object(XElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new XmlException($"the answer nests deeper than {MaxDepth} elements at <{element.Name.LocalName}>; no IAM shape does");
        }

        var json = new JsonObject();
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            json[name] = Lists.Contains(name)
                ? new JsonArray([.. child.Elements().Select(m => Value(m, depth + 1))])
                : Member(name, child, depth + 1);
        }

        return json;
    }

    private static JsonNode? Member(string name, XElement child, int depth)
    {
        if (name == "AssumeRolePolicyDocument")
        {
            var decoded = Uri.UnescapeDataString(child.Value);
            try
            {
                return Keyless.Formats.Inputs.StrictJson.Parse(decoded, 64) ?? JsonValue.Create(decoded);
            }
            catch (JsonException)
            {
                // Keep what IAM said; the loader reports a document that is no policy.
                return JsonValue.Create(decoded);
            }
        }

        if (Integers.Contains(name) && long.TryParse(child.Value, out var number))
        {
            return JsonValue.Create(number);
        }

        if (Booleans.Contains(name) && bool.TryParse(child.Value, out var flag))
        {
            return JsonValue.Create(flag);
        }

        return Value(child, depth);
    }

    private static JsonNode? Value(XElement element, int depth) =>
        element.HasElements ? Object(element, depth) : JsonValue.Create(element.Value);

    private static string? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
