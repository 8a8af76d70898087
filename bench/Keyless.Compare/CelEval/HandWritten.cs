using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Keyless.Compare.CelEval;

/// <summary>
/// The baseline: each workload expression written by hand in C#, over the same claims read once into a dictionary
/// (as any service would hold a decoded token), with a source-generated regex. This is the floor an interpreter
/// is measured against.
/// </summary>
public static partial class HandWritten
{
    private static readonly string[] AllowedProjects = ["acme/web", "acme/api", "acme/app"];

    public static IReadOnlyDictionary<string, object?> Claims(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.ToDictionary(
            p => p.Key,
            p => p.Value switch
            {
                JsonArray array => array.Select(x => x?.ToString()).ToArray(),
                JsonValue value when value.TryGetValue<string>(out var s) => s,
                JsonValue value when value.TryGetValue<long>(out var l) => l,
                _ => (object?)p.Value?.ToJsonString(),
            },
            StringComparer.Ordinal);
    }

    public static Func<IReadOnlyDictionary<string, object?>, bool> For(string name) => name switch
    {
        "gitlab-guidance" => c =>
            Is(c, "namespace_id", "1001") && Is(c, "project_id", "42") && Is(c, "ref_protected", "true")
            && (Is(c, "ref", "main") || (Text(c, "ref") is { } r && ReleaseRef().IsMatch(r)))
            && Text(c, "sub") is { } sub && sub.StartsWith("project_path:acme/app:", StringComparison.Ordinal),
        "project-allow-list" => c =>
            Text(c, "project_path") is { } p && AllowedProjects.Contains(p, StringComparer.Ordinal)
            && Is(c, "ref_type", "branch") && !Is(c, "pipeline_source", "merge_request_event"),
        "group-and-env" => c =>
            c.TryGetValue("groups_direct", out var g) && g is string?[] groups && groups.Contains("ops", StringComparer.Ordinal)
            && Is(c, "environment", "production")
            && Text(c, "ref") is { } r && r.StartsWith("release/", StringComparison.Ordinal)
            && Text(c, "sub") is { } sub && sub.Length < 128,
        "denied-fork" => c =>
            Is(c, "project_id", "43") || (Is(c, "namespace_path", "evil") && Is(c, "ref_protected", "true")),
        _ => throw new ArgumentException($"no hand-written predicate for '{name}'", nameof(name)),
    };

    private static string? Text(IReadOnlyDictionary<string, object?> claims, string name) =>
        claims.TryGetValue(name, out var value) ? value as string : null;

    private static bool Is(IReadOnlyDictionary<string, object?> claims, string name, string expected) =>
        string.Equals(Text(claims, name), expected, StringComparison.Ordinal);

    [GeneratedRegex(@"^release/[0-9]+\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseRef();
}
