using System.Text.Json.Nodes;

namespace Keyless.Fuzz.Tests;

/// <summary>Real inputs from the repository that the mutations start from.</summary>
internal static class Seeds
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([FuzzBudget.RepoRoot, .. parts]);

    /// <summary>The example tokens' claims and every case's claims.json.</summary>
    public static IReadOnlyList<string> Claims { get; } =
        Directory.GetFiles(Path("examples", "tokens"), "*.json")
            .Concat(Directory.GetDirectories(Path("tests", "cases")).Select(d => System.IO.Path.Combine(d, "claims.json")).Where(File.Exists))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Every conditions and mappings found in the trust fixtures, plus a few hand-picked shapes.</summary>
    public static IReadOnlyList<string> CelExpressions { get; } = CollectCel();

    /// <summary>Trust input files (examples and case trust folders, JSON and .tf), each with the name the loader sees.</summary>
    public static IReadOnlyList<string> TrustFiles { get; } =
        Directory.GetDirectories(Path("examples"))
            .Concat(Directory.GetDirectories(Path("tests", "cases")).Select(d => System.IO.Path.Combine(d, "trust")))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.json").Concat(Directory.GetFiles(d, "*.tf")))
            .Where(f => !f.Contains("tokens", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static IReadOnlyList<string> Pipelines { get; } =
        Directory.GetFiles(Path("examples", "gitlab-ci"), "*.yml")
            .Concat(Directory.GetFiles(Path("tests", "Keyless.GitLab.Tests", "Fixtures"), "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static string[] CollectCel()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal)
        {
            "assertion.sub.startsWith('project_path:acme/payments:ref_type:branch:ref:main')",
            "'admins' in assertion.groups && assertion.aud.exists(a, a == 'x')",
            "assertion.ref.matches('^(main|release/[0-9]+)$') ? 'ok' : 'no'",
            "{'a': [1, 2u, 3.0, b'x', null], 'b': {'c': true}}['a'].size() > 2",
            "assertion.namespace_path + '/' + assertion.project_path",
        };
        foreach (var file in TrustFilesForCel())
        {
            Walk(JsonNode.Parse(File.ReadAllText(file)), found);
        }

        return [.. found];
    }

    private static IEnumerable<string> TrustFilesForCel() =>
        Directory.GetFiles(Path("examples"), "*.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path("tests", "cases"), "*.json", SearchOption.AllDirectories));

    private static void Walk(JsonNode? node, SortedSet<string> found)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out var text)
                        && (name.Contains("ondition", StringComparison.Ordinal) || name.Contains("ttributeMapping", StringComparison.Ordinal)
                            || name.Contains("xpression", StringComparison.Ordinal) || text.Contains("assertion", StringComparison.Ordinal)))
                    {
                        found.Add(text);
                    }

                    Walk(child, found);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Walk(child, found);
                }

                break;
        }
    }
}
