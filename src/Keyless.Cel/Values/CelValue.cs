using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keyless.Cel;

/// <summary>
/// An immutable CEL value. Errors are values too (<see cref="IsError"/>): evaluation never throws for a CEL
/// error, so <c>&amp;&amp;</c> and <c>||</c> can absorb them as the spec says.
/// </summary>
public abstract partial class CelValue
{
    private protected CelValue()
    {
    }

    public static CelValue Null => CelNullValue.Instance;

    public static CelValue True => CelBoolValue.True;

    public static CelValue False => CelBoolValue.False;

    public abstract CelType Type { get; }

    // A type test, not the virtual Type: every strict operator asks this of each operand.
    public bool IsError => this is CelErrorValue;

    public virtual string? ErrorMessage => null;

    /// <summary>The value as JSON: bytes as base64, timestamps and durations as their CEL strings.</summary>
    public abstract JsonNode? ToJson();

    public virtual bool TryGetBool(out bool value)
    {
        value = false;
        return false;
    }

    public virtual bool TryGetString(out string value)
    {
        value = string.Empty;
        return false;
    }

    public virtual bool TryGetInt(out long value)
    {
        value = 0;
        return false;
    }

    public virtual bool TryGetUint(out ulong value)
    {
        value = 0;
        return false;
    }

    public virtual bool TryGetDouble(out double value)
    {
        value = 0;
        return false;
    }

    public virtual bool TryGetList(out IReadOnlyList<CelValue> value)
    {
        value = [];
        return false;
    }

    /// <summary>Map entries in insertion order.</summary>
    public virtual bool TryGetMap(out IReadOnlyList<KeyValuePair<CelValue, CelValue>> value)
    {
        value = [];
        return false;
    }

    public static CelValue Of(bool value) => value ? CelBoolValue.True : CelBoolValue.False;

    public static CelValue Of(long value) => CelIntValue.Of(value);

    public static CelValue Of(double value) => new CelDoubleValue(value);

    public static CelValue Of(string value) => new CelStringValue(value);

    public static CelValue Uint(ulong value) => new CelUintValue(value);

    public static CelValue Bytes(ReadOnlySpan<byte> value) => new CelBytesValue(value.ToArray());

    public static CelValue Timestamp(DateTimeOffset value) =>
        CelTimestampValue.Create((Int128)(value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100);

    public static CelValue Duration(TimeSpan value) => CelDurationValue.Create((Int128)value.Ticks * 100);

    public static CelValue List(IEnumerable<CelValue> items) => new CelListValue([.. items]);

    public static CelValue List(params CelValue[] items) => new CelListValue([.. items]);

    /// <summary>A map; a repeated key or a key that is not bool, int, uint or string gives an error value.</summary>
    public static CelValue Map(IEnumerable<KeyValuePair<CelValue, CelValue>> entries) => CelMapValue.Create(entries);

    public static CelValue Map(IEnumerable<KeyValuePair<string, CelValue>> entries) =>
        CelMapValue.Create(entries.Select(e => new KeyValuePair<CelValue, CelValue>(Of(e.Key), e.Value)));

    public static CelValue Error(string message) => new CelErrorValue(message);

    /// <summary>
    /// A string-keyed map over <paramref name="entries"/>, which the map takes as its own (the caller keeps no
    /// reference): their keys must be <paramref name="layout"/>'s, in order, and the map shares its index.
    /// </summary>
    public static CelValue FromLayout(CelKeyLayout layout, KeyValuePair<CelValue, CelValue>[] entries)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(entries);
        return CelMapValue.WithLayout(layout, entries);
    }

    /// <summary>JSON claims as CEL: object → map, array → list, integral number → int, other number → double.</summary>
    public static CelValue FromJson(JsonNode? node) => node switch
    {
        null => Null,
        JsonObject obj => CelMapValue.FromOrderedUnique(
            obj.Select(p => new KeyValuePair<CelValue, CelValue>(Of(p.Key), FromJson(p.Value)))),
        JsonArray array => new CelListValue([.. array.Select(FromJson)]),
        JsonValue value => FromJsonValue(value),
        _ => Null,
    };

    /// <summary>
    /// Values parsed from text hold a <see cref="JsonElement"/>; values built in code (the red-team's candidate
    /// tokens) hold a string, bool, integer or double, read directly instead of written out and parsed back (same value).
    /// </summary>
    private static CelValue FromJsonValue(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return FromJson(element);
        }

        if (value.TryGetValue<string>(out var text))
        {
            return Of(text);
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            return Of(flag);
        }

        if (value.TryGetValue<long>(out var integer))
        {
            return Of(integer);
        }

        if (value.TryGetValue<int>(out var small))
        {
            return Of(small);
        }

        // A double stays a double even when integral: written out, 100.0 would read back as the int 100.
        return value.TryGetValue<double>(out var real) ? Of(real) : FromJsonText(value.ToJsonString());
    }

    private static CelValue FromJsonText(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    /// <inheritdoc cref="FromJson(JsonNode?)"/>
    public static CelValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => CelMapValue.FromOrderedUnique(
            element.EnumerateObject().Select(p => new KeyValuePair<CelValue, CelValue>(Of(p.Name), FromJson(p.Value)))),
        JsonValueKind.Array => new CelListValue([.. element.EnumerateArray().Select(FromJson)]),
        JsonValueKind.String => Of(element.GetString()!),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        JsonValueKind.Number => element.TryGetInt64(out var i) ? Of(i) : Of(element.GetDouble()),
        _ => Null,
    };

    /// <summary>The value written as a CEL literal would be (for messages and diagnostics).</summary>
    public override string ToString() => CelFormatter.Display(this);
}
