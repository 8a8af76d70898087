using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keyless.Trust.Model;

/// <summary>
/// Reads a role trust policy as IAM does: a JSON document (an object, a JSON string as Terraform and CloudFormation
/// hold it, or the URL-encoded string the IAM API returns), whose <c>Statement</c> is an object or a list and whose
/// string-or-list elements become lists. A document IAM would refuse gives an error, never a partial policy.
/// </summary>
public static class AwsTrustPolicy
{
    /// <summary>The statements of <paramref name="document"/>, or the reason it is no trust policy.</summary>
    public static (IReadOnlyList<AwsPolicyStatement> Statements, string? Error) Parse(JsonNode? document)
    {
        if (document is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return ParseText(text);
        }

        if (document is not JsonObject policy)
        {
            return ([], $"the trust policy is {Kind(document)}, not a JSON policy document");
        }

        var statementNode = policy["Statement"];
        var items = statementNode switch
        {
            JsonArray list => list.ToArray(),
            JsonObject single => [single],
            _ => null,
        };
        if (items is null)
        {
            return ([], "the trust policy has no Statement");
        }

        var statements = new List<AwsPolicyStatement>();
        for (var i = 0; i < items.Length; i++)
        {
            var path = statementNode is JsonArray ? $"Statement[{i}]" : "Statement";
            if (items[i] is not JsonObject s)
            {
                return ([], $"{path} is {Kind(items[i])}, not an object");
            }

            var (statement, error) = Statement(s, path);
            if (error is not null)
            {
                return ([], error);
            }

            statements.Add(statement!);
        }

        return (statements, null);
    }

    /// <summary>A policy held as text: JSON, or the URL-encoded JSON of the IAM API's answers.</summary>
    public static (IReadOnlyList<AwsPolicyStatement> Statements, string? Error) ParseText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var json = text.TrimStart().StartsWith('%') ? Uri.UnescapeDataString(text) : text;
        try
        {
            return Parse(JsonNode.Parse(json));
        }
        catch (JsonException e)
        {
            return ([], $"the trust policy is not valid JSON ({e.Message})");
        }
    }

    private static (AwsPolicyStatement? Statement, string? Error) Statement(JsonObject s, string path)
    {
        var effect = Text(s["Effect"]);
        if (effect is not ("Allow" or "Deny"))
        {
            return (null, $"{path}.Effect is {(effect is null ? "missing" : $"'{effect}'")}; IAM accepts 'Allow' or 'Deny'");
        }

        var unmodelled = new List<string>();
        foreach (var name in new[] { "NotPrincipal", "NotAction" })
        {
            if (s.ContainsKey(name))
            {
                unmodelled.Add(name);
            }
        }

        var federated = new List<string>();
        var any = false;
        switch (s["Principal"])
        {
            case JsonValue star when Text(star) == "*":
                any = true;
                break;
            case JsonObject principal:
                federated.AddRange(Strings(principal["Federated"]));
                any = Strings(principal["AWS"]).Contains("*");
                break;
            case null when s.ContainsKey("NotPrincipal"):
                break;
            case null:
                return (null, $"{path} has no Principal; a trust policy statement must name one");
            default:
                return (null, $"{path}.Principal is {Kind(s["Principal"])}; IAM expects \"*\" or an object");
        }

        var conditions = new List<AwsCondition>();
        if (s["Condition"] is JsonObject block)
        {
            foreach (var (op, keys) in block)
            {
                if (keys is not JsonObject byKey)
                {
                    return (null, $"{path}.Condition.{op} is {Kind(keys)}; IAM expects an object of keys and values");
                }

                foreach (var (key, values) in byKey)
                {
                    conditions.Add(new AwsCondition(op, key, Strings(values)));
                }
            }
        }
        else if (s["Condition"] is { } other)
        {
            return (null, $"{path}.Condition is {Kind(other)}; IAM expects an object");
        }

        return (new AwsPolicyStatement
        {
            Sid = Text(s["Sid"]),
            IsAllow = effect == "Allow",
            Federated = federated,
            AnyPrincipal = any,
            Actions = Strings(s["Action"]),
            Conditions = conditions,
            Unmodelled = unmodelled,
            Path = path,
        }, null);
    }

    // IAM reads a scalar where a list may stand, and compares booleans and numbers as their text.
    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray list => [.. list.Select(Text).OfType<string>()],
        JsonValue => Text(node) is { } one ? [one] : [],
        _ => [],
    };

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        }
        : null;

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "an object",
        _ => node.GetValueKind().ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
