using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs.Hcl;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>Terraform's operators, string conversion and indexing over known values; anything unknown or ill-typed is unknown.</summary>
internal static class TfOperators
{
    /// <summary>A value as a template interpolates it: strings, numbers and bools; null for anything else.</summary>
    public static string? AsText(TfValue value) => value is { Known: true, Value: JsonValue v } ? v.GetValueKind() switch
    {
        JsonValueKind.String => v.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => Number(v) is { } d ? Format(d) : null,
        _ => null,
    } : null;

    public static TfValue Unary(HclTokenKind op, TfValue operand) => (op, operand) switch
    {
        (HclTokenKind.Bang, { Known: true, Value: JsonValue v }) when v.TryGetValue<bool>(out var b) => Known(JsonValue.Create(!b)),
        (HclTokenKind.Minus, { Known: true, Value: JsonValue v }) when Number(v) is { } d => Known(NumberValue(-d)),
        _ => TfValue.Unknown,
    };

    /// <summary>Operands of one precedence level, folded left to right.</summary>
    public static TfValue Binary(IReadOnlyList<TfValue> operands, IReadOnlyList<HclTokenKind> operators)
    {
        var result = operands[0];
        for (var i = 0; i < operators.Count && result.Known; i++)
        {
            result = Apply(operators[i], result, operands[i + 1]);
        }

        return result;
    }

    /// <summary>One traversal step: an object's attribute, a list's index (also the legacy <c>.0</c>); null key for a splat.</summary>
    public static TfValue Step(JsonNode? value, JsonNode? key)
    {
        if (key is not JsonValue k)
        {
            return TfValue.Unknown;
        }

        if (value is JsonObject obj && k.TryGetValue<string>(out var name) && obj.TryGetPropertyValue(name, out var member))
        {
            return Known(member?.DeepClone());
        }

        var index = Number(k) ?? (k.TryGetValue<string>(out var digits) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null);
        return value is JsonArray array && index is { } i && i >= 0 && i < array.Count && i == Math.Floor(i)
            ? Known(array[(int)i]?.DeepClone())
            : TfValue.Unknown;
    }

    private static TfValue Apply(HclTokenKind op, TfValue left, TfValue right)
    {
        if (!right.Known)
        {
            return TfValue.Unknown;
        }

        switch (op)
        {
            case HclTokenKind.Equal or HclTokenKind.NotEqual:
                var equal = Number(left.Value) is { } a && Number(right.Value) is { } b ? a == b : JsonNode.DeepEquals(left.Value, right.Value);
                return Known(JsonValue.Create(equal == (op == HclTokenKind.Equal)));
            case HclTokenKind.And or HclTokenKind.Or:
                return left.Value is JsonValue l && l.TryGetValue<bool>(out var x) && right.Value is JsonValue r && r.TryGetValue<bool>(out var y)
                    ? Known(JsonValue.Create(op == HclTokenKind.And ? x && y : x || y))
                    : TfValue.Unknown;
        }

        if (Number(left.Value) is not { } p || Number(right.Value) is not { } q)
        {
            return TfValue.Unknown;
        }

        return op switch
        {
            HclTokenKind.Less => Known(JsonValue.Create(p < q)),
            HclTokenKind.Greater => Known(JsonValue.Create(p > q)),
            HclTokenKind.LessOrEqual => Known(JsonValue.Create(p <= q)),
            HclTokenKind.GreaterOrEqual => Known(JsonValue.Create(p >= q)),
            HclTokenKind.Plus => Known(NumberValue(p + q)),
            HclTokenKind.Minus => Known(NumberValue(p - q)),
            HclTokenKind.Star => Known(NumberValue(p * q)),
            HclTokenKind.Slash when q != 0 => Known(NumberValue(p / q)),
            HclTokenKind.Percent when q != 0 => Known(NumberValue(p % q)),
            _ => TfValue.Unknown,
        };
    }

    private static TfValue Known(JsonNode? value) => new(value, true);

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Whole numbers stay integers (a <c>count</c>, a GitLab id), as a JSON reader would give them.</summary>
    private static JsonValue NumberValue(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);

    private static string Format(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < 9e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
}
