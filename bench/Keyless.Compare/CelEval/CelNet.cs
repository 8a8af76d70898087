using System.Text.Json.Nodes;
using CelNetEnvironment = global::Cel.CelEnvironment;

namespace Keyless.Compare.CelEval;

/// <summary>NuGet <c>Cel</c> 0.3.3 (cel-net), for context: the only other .NET CEL engine on NuGet.</summary>
public static class CelNet
{
    /// <summary>A compiled expression bound to the claims, or null with the reason when cel-net cannot run it.</summary>
    public static (Func<bool>? Run, string? Problem) Compile(string expression, JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        try
        {
            var environment = new CelNetEnvironment(null, null);
            var program = environment.Compile(expression);
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["assertion"] = ToClr(claims) };
            return (() => program(variables) is true, null);
        }
#pragma warning disable CA1031 // A peer's own exception types are not ours to list; any failure means "n/a" for context.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (null, e.GetType().Name);
        }
    }

    // cel-net reads maps as string-keyed dictionaries and lists as object lists.
    private static object? ToClr(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToClr(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(ToClr).ToList(),
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<long>(out var l) => l,
        JsonValue value when value.TryGetValue<double>(out var d) => d,
        JsonValue value when value.TryGetValue<bool>(out var b) => b,
        _ => null,
    };
}
