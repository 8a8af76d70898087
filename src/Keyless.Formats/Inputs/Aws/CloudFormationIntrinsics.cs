using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Aws;

/// <summary>
/// The intrinsic functions of a CloudFormation template, evaluated where the template alone decides the value (the
/// AWS CloudFormation intrinsic function reference): <c>Ref</c> of a parameter with a default, of an
/// <c>AWS::IAM::OIDCProvider</c> (its ARN) and of the pseudo parameters a trust policy uses; <c>Fn::GetAtt</c> of a
/// provider's <c>Arn</c>; <c>Fn::Sub</c> (both forms), <c>Fn::Join</c>, <c>Fn::Select</c>, <c>Fn::Split</c>,
/// <c>Fn::FindInMap</c>, and <c>Fn::If</c> over the template's <c>Conditions</c> (<c>Fn::Equals</c>, <c>Fn::And</c>,
/// <c>Fn::Or</c>, <c>Fn::Not</c>, <c>Condition</c>). Everything else (<c>Fn::ImportValue</c>, a parameter without a
/// default, another resource's attribute) is known only when the stack is deployed: it is named, never guessed.
/// </summary>
internal sealed class CloudFormationIntrinsics(JsonObject template, IReadOnlyDictionary<string, string> providers)
{
    /// <summary>Conditions naming conditions: more hops than any template has end as unknown, never as deep recursion.</summary>
    private const int MaxConditionHops = 32;

    private readonly JsonObject parameters = template["Parameters"] as JsonObject ?? [];
    private readonly JsonObject conditions = template["Conditions"] as JsonObject ?? [];
    private readonly JsonObject mappings = template["Mappings"] as JsonObject ?? [];
    private int hops;

    /// <summary>
    /// A copy of <paramref name="node"/> with every intrinsic the template decides replaced by its value; each other one
    /// is added to <paramref name="unknown"/> as <c>path (function)</c> and stands as the text <c>(unresolved …)</c>.
    /// </summary>
    public JsonNode? Resolve(JsonNode? node, string path, List<string> unknown) => Eval(node, path, unknown).Node;

    /// <summary>The text a property resolves to, or null when it is not text the template decides.</summary>
    public string? ResolveText(JsonNode? node, string path, List<string> unknown)
    {
        var count = unknown.Count;
        var value = Eval(node, path, unknown);
        return unknown.Count == count ? Text(value.Node) : null;
    }

    /// <summary>Whether the template's condition holds: null when it rests on something known only at deployment.</summary>
    public bool? Condition(string name)
    {
        // A condition may name another, or hold an Fn::If over one: every path back here counts a hop.
        if (hops >= MaxConditionHops || conditions[name] is not { } definition)
        {
            return null;
        }

        hops++;
        try
        {
            return Bool(definition);
        }
        finally
        {
            hops--;
        }
    }

    // A resolved value: its node, whether it was decided, and AWS::NoValue (the property is removed).
    private readonly record struct Value(JsonNode? Node, bool Known = true, bool NoValue = false)
    {
        public static Value Unknown(string function) => new(JsonValue.Create($"(unresolved {function})"), Known: false);
    }

    private Value Eval(JsonNode? node, string path, List<string> unknown)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 1 && o.First().Key is var key && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal)):
                var value = Function(key, o[key], path, unknown);
                if (!value.Known)
                {
                    unknown.Add($"{path} ({key})");
                }

                return value;
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, child) in o)
                {
                    var v = Eval(child, JsonInput.Child(path, name), unknown);
                    if (!v.NoValue)
                    {
                        copy[name] = v.Node;
                    }
                }

                return new Value(copy);
            case JsonArray a:
                var list = new JsonArray();
                for (var i = 0; i < a.Count; i++)
                {
                    var v = Eval(a[i], JsonInput.Child(path, i), unknown);
                    if (!v.NoValue)
                    {
                        list.Add(v.Node);
                    }
                }

                return new Value(list);
            default:
                return new Value(node?.DeepClone());
        }
    }

    private Value Function(string name, JsonNode? argument, string path, List<string> unknown)
    {
        if (name == "Fn::If")
        {
            return If(argument, path, unknown);
        }

        // The arguments are intrinsics too (a Ref inside a Join); an unknown argument leaves the function unknown.
        var count = unknown.Count;
        var args = Eval(argument, path, unknown);
        if (unknown.Count != count)
        {
            return Value.Unknown(name);
        }

        return name switch
        {
            "Ref" => Text(args.Node) is { } id ? Reference(id) : Value.Unknown(name),
            "Fn::GetAtt" => GetAtt(args.Node) is ({ } id, "Arn") && providers.TryGetValue(id, out var arn) ? new Value(JsonValue.Create(arn)) : Value.Unknown(name),
            "Fn::Sub" => Sub(args.Node),
            "Fn::Join" => args.Node is JsonArray { Count: 2 } join && Text(join[0]) is { } separator && Texts(join[1]) is { } parts
                ? new Value(JsonValue.Create(string.Join(separator, parts)))
                : Value.Unknown(name),
            "Fn::Select" => args.Node is JsonArray { Count: 2 } select && Index(select[0]) is { } index && select[1] is JsonArray from && index < from.Count
                ? new Value(from[index]?.DeepClone())
                : Value.Unknown(name),
            "Fn::Split" => args.Node is JsonArray { Count: 2 } split && Text(split[0]) is { Length: > 0 } by && Text(split[1]) is { } whole
                ? new Value(new JsonArray([.. whole.Split(by).Select(p => (JsonNode)JsonValue.Create(p))]))
                : Value.Unknown(name),
            "Fn::FindInMap" => args.Node is JsonArray { Count: 3 } find && Texts(find) is [var map, var top, var second]
                && mappings[map]?[top]?[second] is { } found
                ? new Value(found.DeepClone())
                : Value.Unknown(name),
            _ => Value.Unknown(name),
        };
    }

    // Only the branch the condition chooses is evaluated, as CloudFormation does: the other may hold anything.
    private Value If(JsonNode? argument, string path, List<string> unknown)
    {
        if (argument is not JsonArray { Count: 3 } branches || Text(branches[0]) is not { } name || Condition(name) is not { } holds)
        {
            return Value.Unknown("Fn::If");
        }

        var count = unknown.Count;
        var chosen = Eval(branches[holds ? 1 : 2], JsonInput.Child(path, holds ? 1 : 2), unknown);
        return unknown.Count == count ? chosen : Value.Unknown("Fn::If");
    }

    private bool? Bool(JsonNode? node)
    {
        if (node is not JsonObject { Count: 1 } o)
        {
            return null;
        }

        var (name, argument) = o.First();
        if (name == "Condition")
        {
            return Text(argument) is { } other ? Condition(other) : null;
        }

        var parts = argument as JsonArray;
        switch (name)
        {
            case "Fn::Equals" when parts is { Count: 2 }:
                var scratch = new List<string>();
                var left = Eval(parts[0], "$", scratch);
                var right = Eval(parts[1], "$", scratch);
                return scratch.Count == 0 && Text(left.Node) is { } a && Text(right.Node) is { } b ? a == b : null;
            case "Fn::Not" when parts is { Count: 1 }:
                return !Bool(parts[0]);
            case "Fn::And" or "Fn::Or" when parts is { Count: > 0 }:
                var values = parts.Select(Bool).ToArray();
                var and = name == "Fn::And";

                // One false decides an And (one true an Or) even when another operand is unknown.
                return values.Contains(!and) ? !and : values.All(v => v is not null) ? and : null;
            default:
                return null;
        }
    }

    private Value Reference(string id) => id switch
    {
        // The account is the deploying one; an empty account field makes an ARN match its provider by URL alone.
        "AWS::AccountId" => new Value(JsonValue.Create(string.Empty)),
        "AWS::Partition" => new Value(JsonValue.Create("aws")),
        "AWS::URLSuffix" => new Value(JsonValue.Create("amazonaws.com")),
        "AWS::NoValue" => new Value(null, NoValue: true),
        _ when providers.TryGetValue(id, out var arn) => new Value(JsonValue.Create(arn)),
        _ when parameters[id] is JsonObject p && p["Default"] is { } given => new Value(ParameterValue(p, given)),
        _ => Value.Unknown("Ref"),
    };

    // A list parameter's Ref is a list of its comma-separated default (the Parameters section reference).
    private static JsonNode ParameterValue(JsonObject parameter, JsonNode given) =>
        Text(parameter["Type"]) is { } type && (type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)) && Text(given) is { } text
            ? new JsonArray([.. text.Split(',').Select(p => (JsonNode)JsonValue.Create(p.Trim()))])
            : given.DeepClone();

    private static (string? Id, string? Attribute) GetAtt(JsonNode? argument) => argument switch
    {
        JsonArray { Count: 2 } a => (Text(a[0]), Text(a[1])),
        _ when Text(argument) is { } dotted && dotted.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 => (dotted[..dot], dotted[(dot + 1)..]),
        _ => (null, null),
    };

    // ${Name}, ${Name.Attribute} and ${!Literal}, with the variables of the list form first. Linear scan, no regex.
    private Value Sub(JsonNode? argument)
    {
        var (template, variables) = argument switch
        {
            JsonArray { Count: 2 } form => (Text(form[0]), form[1] as JsonObject),
            _ => (Text(argument), null),
        };
        if (template is null)
        {
            return Value.Unknown("Fn::Sub");
        }

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
            var name = template[(open + 2)..close].Trim();
            if (name.StartsWith('!'))
            {
                text.Append("${").Append(name[1..]).Append('}');
            }
            else
            {
                var value = variables?[name] is { } given ? Text(given)
                    : name.Contains('.', StringComparison.Ordinal) && !name.StartsWith("AWS::", StringComparison.Ordinal)
                        ? GetAtt(JsonValue.Create(name)) is ({ } id, "Arn") && providers.TryGetValue(id, out var arn) ? arn : null
                        : Reference(name) is { Known: true, NoValue: false } r ? Text(r.Node) : null;
                if (value is null)
                {
                    return Value.Unknown("Fn::Sub");
                }

                text.Append(value);
            }

            i = close + 1;
        }

        return new Value(JsonValue.Create(text.ToString()));
    }

    private static int? Index(JsonNode? node) =>
        Text(node) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    private static string[]? Texts(JsonNode? node)
    {
        if (node is not JsonArray list)
        {
            return null;
        }

        var texts = new string[list.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            if (Text(list[i]) is not { } text)
            {
                return null;
            }

            texts[i] = text;
        }

        return texts;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;
}
