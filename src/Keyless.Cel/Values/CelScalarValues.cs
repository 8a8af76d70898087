using System.Globalization;
using System.Text.Json.Nodes;

namespace Keyless.Cel;

internal sealed class CelNullValue : CelValue
{
    public static readonly CelNullValue Instance = new();

    public override CelType Type => CelType.Null;

    public override JsonNode? ToJson() => null;
}

internal sealed class CelBoolValue : CelValue
{
    public static new readonly CelBoolValue True = new(true);
    public static new readonly CelBoolValue False = new(false);

    private CelBoolValue(bool value) => Value = value;

    public bool Value { get; }

    public override CelType Type => CelType.Bool;

    public override JsonNode? ToJson() => JsonValue.Create(Value);

    public override bool TryGetBool(out bool value)
    {
        value = Value;
        return true;
    }
}

internal sealed class CelIntValue : CelValue
{
    // Small ints are shared: sizes, indexes and counters would otherwise allocate on every evaluation.
    private static readonly CelIntValue[] Small = [.. Enumerable.Range(-128, 1152).Select(i => new CelIntValue(i))];

    private CelIntValue(long value) => Value = value;

    public long Value { get; }

    public override CelType Type => CelType.Int;

    public static new CelIntValue Of(long value) =>
        value is >= -128 and < 1024 ? Small[value + 128] : new CelIntValue(value);

    public override JsonNode? ToJson() => JsonValue.Create(Value);

    public override bool TryGetInt(out long value)
    {
        value = Value;
        return true;
    }
}

internal sealed class CelUintValue(ulong value) : CelValue
{
    public ulong Value { get; } = value;

    public override CelType Type => CelType.Uint;

    public override JsonNode? ToJson() => JsonValue.Create(Value);

    public override bool TryGetUint(out ulong value)
    {
        value = Value;
        return true;
    }
}

internal sealed class CelDoubleValue(double value) : CelValue
{
    public double Value { get; } = value;

    public override CelType Type => CelType.Double;

    public override JsonNode? ToJson() => double.IsFinite(Value)
        ? JsonValue.Create(Value)
        : JsonValue.Create(double.IsNaN(Value) ? "NaN" : Value > 0 ? "Infinity" : "-Infinity");

    public override bool TryGetDouble(out double value)
    {
        value = Value;
        return true;
    }
}

internal sealed class CelStringValue(string value) : CelValue
{
    private int _hash;

    public string Value { get; } = value;

    /// <summary>Cached: field names and claim keys are looked up on every evaluation.</summary>
    public int Hash => _hash != 0 ? _hash : _hash = StringComparer.Ordinal.GetHashCode(Value) | 1;

    public override CelType Type => CelType.String;

    public override JsonNode? ToJson() => JsonValue.Create(Value);

    public override bool TryGetString(out string value)
    {
        value = Value;
        return true;
    }
}

internal sealed class CelBytesValue(byte[] value) : CelValue
{
    /// <summary>Never mutated after construction.</summary>
    public byte[] Value { get; } = value;

    public override CelType Type => CelType.Bytes;

    public override JsonNode? ToJson() => JsonValue.Create(Convert.ToBase64String(Value));
}

/// <summary>A type as a value: <c>type(1) == int</c>.</summary>
internal sealed class CelTypeValue(string name) : CelValue
{
    public static readonly CelTypeValue Int = new("int");
    public static new readonly CelTypeValue Uint = new("uint");
    public static readonly CelTypeValue Double = new("double");
    public static readonly CelTypeValue Bool = new("bool");
    public static readonly CelTypeValue String = new("string");
    public static new readonly CelTypeValue Bytes = new("bytes");
    public static new readonly CelTypeValue List = new("list");
    public static new readonly CelTypeValue Map = new("map");
    public static readonly CelTypeValue NullType = new("null_type");
    public static readonly CelTypeValue TypeType = new("type");
    public static new readonly CelTypeValue Timestamp = new("google.protobuf.Timestamp");
    public static new readonly CelTypeValue Duration = new("google.protobuf.Duration");

    public string Name { get; } = name;

    public override CelType Type => CelType.Type;

    public override JsonNode? ToJson() => JsonValue.Create(Name);

    public static CelTypeValue? ByName(string name) => name switch
    {
        "int" => Int,
        "uint" => Uint,
        "double" => Double,
        "bool" => Bool,
        "string" => String,
        "bytes" => Bytes,
        "list" => List,
        "map" => Map,
        "null_type" => NullType,
        "type" => TypeType,
        "google.protobuf.Timestamp" => Timestamp,
        "google.protobuf.Duration" => Duration,
        _ => null,
    };

    public static CelTypeValue Of(CelValue value) => value.Type switch
    {
        CelType.Int => Int,
        CelType.Uint => Uint,
        CelType.Double => Double,
        CelType.Bool => Bool,
        CelType.String => String,
        CelType.Bytes => Bytes,
        CelType.List => List,
        CelType.Map => Map,
        CelType.Null => NullType,
        CelType.Timestamp => Timestamp,
        CelType.Duration => Duration,
        _ => TypeType,
    };
}

internal sealed class CelErrorValue(string message) : CelValue
{
    public string Message { get; } = message;

    public override CelType Type => CelType.Error;

    public override string? ErrorMessage => Message;

    public override JsonNode? ToJson() => null;

    public static CelErrorValue NoOverload(string function, CelValue a) =>
        new(string.Create(CultureInfo.InvariantCulture, $"no such overload: {function}({a.Type.Name()})"));

    public static CelErrorValue NoOverload(string function, CelValue a, CelValue b) =>
        new(string.Create(CultureInfo.InvariantCulture, $"no such overload: {function}({a.Type.Name()}, {b.Type.Name()})"));
}
