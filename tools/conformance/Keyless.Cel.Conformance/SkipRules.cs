using System.Text.Json;
using System.Text.RegularExpressions;

namespace Keyless.Cel.Conformance;

/// <summary>
/// The only tests skipped are those that need protobuf message types: Keyless evaluates JSON claims and has
/// none. Timestamps and durations are CEL values here, so tests using them run.
/// </summary>
internal static partial class SkipRules
{
    public static string? ProtobufReason(JsonElement test)
    {
        if (test.TryGetProperty("container", out var container) && container.GetString() is { Length: > 0 } c)
        {
            return $"resolves names in the protobuf package {c}";
        }

        var expr = test.GetProperty("expr").GetString()!;
        if (ProtoName().Match(expr) is { Success: true } m)
        {
            return $"uses the protobuf message type {m.Value}";
        }

        if (test.TryGetProperty("typeEnv", out var env))
        {
            foreach (var message in Find(env, "messageType"))
            {
                if (!IsTimeType(message))
                {
                    return $"declares a variable of protobuf message type {message}";
                }
            }
        }

        foreach (var part in new[] { "value", "bindings" })
        {
            if (test.TryGetProperty(part, out var element))
            {
                if (element.GetRawText().Contains("\"enumValue\"", StringComparison.Ordinal))
                {
                    return "expects or binds a protobuf enum value";
                }

                foreach (var type in Find(element, "@type"))
                {
                    if (!IsTimeType(type))
                    {
                        return $"expects or binds a protobuf message ({type})";
                    }
                }
            }
        }

        return null;
    }

    private static bool IsTimeType(string type) =>
        type.EndsWith("google.protobuf.Timestamp", StringComparison.Ordinal) || type.EndsWith("google.protobuf.Duration", StringComparison.Ordinal);

    private static IEnumerable<string> Find(JsonElement element, string property)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Name == property && p.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return p.Value.GetString()!;
                    }

                    foreach (var inner in Find(p.Value, property))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Find(item, property))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"\b(?:(?:Nested)?TestAllTypes|google\.protobuf\.(?!Timestamp\b|Duration\b)[A-Za-z0-9]+)\b")]
    private static partial Regex ProtoName();
}
