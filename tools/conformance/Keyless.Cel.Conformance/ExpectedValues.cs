using System.Text.Json;

namespace Keyless.Cel.Conformance;

/// <summary>Reads cel.expr.Value in proto3 JSON (as the suite stores it) into a CelValue.</summary>
internal static class ExpectedValues
{
    public static CelValue Read(JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "int64Value":
                    return CelValue.Of(long.Parse(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText(), System.Globalization.CultureInfo.InvariantCulture));
                case "uint64Value":
                    return CelValue.Uint(ulong.Parse(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText(), System.Globalization.CultureInfo.InvariantCulture));
                case "doubleValue":
                    return CelValue.Of(v.ValueKind == JsonValueKind.String
                        ? v.GetString() switch
                        {
                            "NaN" => double.NaN,
                            "Infinity" => double.PositiveInfinity,
                            "-Infinity" => double.NegativeInfinity,
                            var s => double.Parse(s!, System.Globalization.CultureInfo.InvariantCulture),
                        }
                        : v.GetDouble());
                case "stringValue":
                    return CelValue.Of(v.GetString()!);
                case "bytesValue":
                    return CelValue.Bytes(Convert.FromBase64String(v.GetString()!));
                case "boolValue":
                    return CelValue.Of(v.GetBoolean());
                case "nullValue":
                    return CelValue.Null;
                case "listValue":
                    return CelValue.List(v.TryGetProperty("values", out var items) ? items.EnumerateArray().Select(Read) : []);
                case "mapValue":
                    return CelValue.Map(v.TryGetProperty("entries", out var entries)
                        ? entries.EnumerateArray().Select(e => new KeyValuePair<CelValue, CelValue>(Read(e.GetProperty("key")), Read(e.GetProperty("value"))))
                        : []);
                case "typeValue":
                    return Evaluate(v.GetString()!);
                case "objectValue":
                    var type = v.GetProperty("@type").GetString()!;
                    var text = v.GetProperty("value").GetString()!;
                    return type.EndsWith("google.protobuf.Timestamp", StringComparison.Ordinal)
                        ? Evaluate($"timestamp('{text}')")
                        : type.EndsWith("google.protobuf.Duration", StringComparison.Ordinal)
                            ? Evaluate($"duration('{text}')")
                            : throw new NotSupportedException("protobuf message " + type);
            }
        }

        throw new NotSupportedException("unknown value " + value.GetRawText());
    }

    private static CelValue Evaluate(string expression)
    {
        var compiled = CelCompiler.Compile(expression);
        return compiled.Program?.Evaluate(CelActivation.Empty) ?? CelValue.Error("cannot build expected value " + expression);
    }

    /// <summary>Exact equality: same kinds all the way down (so 1 is not 1.0), NaN equal to NaN.</summary>
    public static bool Same(CelValue expected, CelValue actual)
    {
        if (expected.Type != actual.Type)
        {
            return false;
        }

        if (expected.TryGetDouble(out var x) && actual.TryGetDouble(out var y))
        {
            return (double.IsNaN(x) && double.IsNaN(y)) || x.Equals(y);
        }

        if (expected.TryGetList(out var l1) && actual.TryGetList(out var l2))
        {
            return l1.Count == l2.Count && l1.Zip(l2).All(p => Same(p.First, p.Second));
        }

        if (expected.TryGetMap(out var m1) && actual.TryGetMap(out var m2))
        {
            return m1.Count == m2.Count && m1.All(e => m2.Any(f => Same(e.Key, f.Key) && Same(e.Value, f.Value)));
        }

        return JsonSerializer.Serialize(expected.ToJson()) == JsonSerializer.Serialize(actual.ToJson());
    }
}
