using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Hcl;

/// <summary>
/// Turns a <c>.tf</c> file into HCL's JSON syntax, the shape of a <c>.tf.json</c> configuration, exactly as
/// hcl2json (tmccombs/hcl2json, npm <c>@cdktf/hcl2json</c>) writes it: blocks become objects keyed by type and
/// labels that end in an array of bodies (<c>{"resource": {"TYPE": {"NAME": [{…}]}}}</c>), literals become JSON
/// values, and every other expression is kept as its own source text in <c>${…}</c>, which the <c>.tf.json</c>
/// reader then resolves. So both readers share every rule after this point.
/// </summary>
internal sealed class HclToJson
{
    private readonly string _text;

    private HclToJson(string text) => _text = text;

    public static JsonObject Convert(string file, string text)
    {
        var body = HclParser.ParseFile(file, text);
        return new HclToJson(text).Body(body);
    }

    private JsonObject Body(HclBody body)
    {
        var result = new JsonObject();
        foreach (var attribute in body.Attributes)
        {
            result[attribute.Name] = Value(attribute.Expression);
        }

        foreach (var block in body.Blocks)
        {
            // type → label → … → [body, body…]: a block type or label met again adds to the same object.
            var key = block.Type;
            var parent = result;
            foreach (var label in block.Labels)
            {
                if (parent[key] is not JsonObject next)
                {
                    next = [];
                    parent[key] = next;
                }

                parent = next;
                key = label;
            }

            if (parent[key] is not JsonArray bodies)
            {
                bodies = [];
                parent[key] = bodies;
            }

            bodies.Add((JsonNode)Body(block.Body));
        }

        return result;
    }

    private JsonNode? Value(HclExpression expression) => expression switch
    {
        HclLiteral literal => literal.Value?.DeepClone(),
        HclUnary { Operand: HclLiteral { Value: JsonValue operand } } unary when Negate(unary.Operator, operand) is { } value => value,
        HclTemplate template when template.IsLiteral => Escape(string.Concat(template.Parts.Cast<HclTemplateText>().Select(p => p.Text))),
        HclTemplate { Wrapped: { } wrapped } => Value(wrapped),
        HclTemplate template => TemplateString(template),
        HclTuple tuple => new JsonArray([.. tuple.Items.Select(Value)]),
        HclObject obj => Object(obj),
        _ => Wrap(expression),
    };

    private JsonObject Object(HclObject obj)
    {
        var result = new JsonObject();
        foreach (var item in obj.Items)
        {
            // A later duplicate key wins, as in HCL's object constructor.
            result[Key(item)] = Value(item.Value);
        }

        return result;
    }

    private string Key(HclObjectItem item) => item switch
    {
        { Name: { } name } => name,
        { Key: HclTraversal traversal } => HclParser.Source(_text, traversal),
        _ => StringPart(item.Key),
    };

    private string TemplateString(HclTemplate template)
    {
        var result = new StringBuilder();
        foreach (var part in template.Parts)
        {
            result.Append(part switch
            {
                HclTemplateText text => Escape(text.Text),
                HclTemplateInterpolation interpolation => StringPart(interpolation.Expression),
                HclTemplateDirective directive => directive.Text,
                _ => throw new InvalidOperationException("unknown template part " + part.GetType().Name),
            });
        }

        return result.ToString();
    }

    /// <summary>An expression inside a template, as text: literals inline, a conditional as an if directive, the rest as ${…}.</summary>
    private string StringPart(HclExpression expression) => expression switch
    {
        HclLiteral { Value: JsonValue value } => Scalar(value),
        HclVariable or HclTraversal => Wrap(expression),
        HclTemplate { Wrapped: { } wrapped } => StringPart(wrapped),
        HclTemplate template => template.IsLiteral ? Escape(string.Concat(template.Parts.Cast<HclTemplateText>().Select(p => p.Text))) : TemplateString(template),
        HclConditional conditional =>
            $"%{{if {HclParser.Source(_text, conditional.Condition)}}}{StringPart(conditional.True)}%{{else}}{StringPart(conditional.False)}%{{endif}}",
        _ => Value(expression) is JsonValue text && text.TryGetValue<string>(out var s) ? s : Wrap(expression),
    };

    private string Wrap(HclExpression expression) => "${" + HclParser.Source(_text, expression) + "}";

    /// <summary>Literal text in HCL's JSON syntax, where <c>${</c> and <c>%{</c> would start an expression.</summary>
    public static string Escape(string text) =>
        text.Contains("${", StringComparison.Ordinal) || text.Contains("%{", StringComparison.Ordinal)
            ? text.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal)
            : text;

    private static JsonValue? Negate(HclTokenKind op, JsonValue operand)
    {
        if (op == HclTokenKind.Bang && operand.TryGetValue<bool>(out var b))
        {
            return JsonValue.Create(!b);
        }

        if (op == HclTokenKind.Minus && operand.TryGetValue<long>(out var l) && l != long.MinValue)
        {
            return JsonValue.Create(-l);
        }

        return op == HclTokenKind.Minus && operand.TryGetValue<double>(out var d) ? JsonValue.Create(-d) : null;
    }

    private static string Scalar(JsonValue value) =>
        value.TryGetValue<bool>(out var b) ? (b ? "true" : "false")
        : value.TryGetValue<long>(out var l) ? l.ToString(CultureInfo.InvariantCulture)
        : value.TryGetValue<double>(out var d) ? d.ToString("R", CultureInfo.InvariantCulture)
        : value.ToJsonString();
}
