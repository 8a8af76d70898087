using System.Text.Json;
using Keyless.Trust.Diagnostics;
using Keyless.Formats.Inputs;

namespace Keyless.GitLab.Api;

/// <summary>
/// An export of the variables API (<c>keyless scan --variables FILE</c>): either the JSON array one
/// <c>GET …/variables</c> returns (treated as project variables), or an object with optional
/// <c>project</c>, <c>group</c> and <c>instance</c> arrays of the same shape. See docs/scan/README.md.
/// </summary>
public static class VariablesExport
{
    private static readonly (string Name, VariableLevel Level)[] Sections =
    [
        ("project", VariableLevel.Project),
        ("group", VariableLevel.Group),
        ("instance", VariableLevel.Instance),
    ];

    public static IReadOnlyList<GitLabVariableSet> Load(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, $"cannot read the variables export: {e.Message}");
        }

        return Parse(text, file);
    }

    public static IReadOnlyList<GitLabVariableSet> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = StrictJson.ParseDocument(json, 64);
        }
        catch (JsonException e)
        {
            throw new InputException(source, $"not JSON: {e.Message}", line: (int?)e.LineNumber + 1);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return [new GitLabVariableSet(VariableLevel.Project, null, source, "$", GitLabVariableJson.ReadArray(root, source, "$"))];
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException(source,
                    $"expected the variables API's array or an object with project/group/instance arrays, found {GitLabVariableJson.Describe(root)}",
                    path: "$");
            }

            var sets = new List<GitLabVariableSet>();
            foreach (var property in root.EnumerateObject())
            {
                var section = Array.Find(Sections, s => s.Name == property.Name);
                if (section.Name is null)
                {
                    throw new InputException(source,
                        $"unknown key \"{property.Name}\": expected project, group or instance", path: $"$.{property.Name}");
                }

                var path = $"$.{property.Name}";
                sets.Add(new GitLabVariableSet(section.Level, null, source, path, GitLabVariableJson.ReadArray(property.Value, source, path)));
            }

            return sets;
        }
    }
}
