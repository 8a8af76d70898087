using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Keyless.Cli.Tests.Infrastructure;

/// <summary>
/// A CI/CD component of templates/ as GitLab includes it: the <c>spec: inputs:</c> header read, every
/// <c>$[[ inputs.NAME ]]</c> in the body replaced by the value given or the input's default (an input with neither is
/// an error, as in GitLab), the header dropped.
/// </summary>
public static partial class ComponentTemplate
{
    public static string Folder => Path.Combine(RepoPaths.Root, "templates");

    public static IReadOnlyList<string> Names { get; } =
        Directory.GetFiles(Folder, "*.yml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();

    public static string PathOf(string name) => Path.Combine(Folder, name + ".yml");

    /// <summary>The declared inputs and their defaults (null where the input is required).</summary>
    public static IReadOnlyDictionary<string, string?> Inputs(string name)
    {
        var (header, _) = Split(File.ReadAllText(PathOf(name)));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(header));
        var inputs = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["spec"])["inputs"];
        return inputs.Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => e.Value is YamlMappingNode input && input.Children.TryGetValue(new YamlScalarNode("default"), out var value)
                ? ((YamlScalarNode)value).Value ?? string.Empty
                : null);
    }

    /// <summary>The body with the inputs interpolated.</summary>
    public static string Render(string name, IReadOnlyDictionary<string, string> values)
    {
        var inputs = Inputs(name);
        foreach (var given in values.Keys)
        {
            Assert.True(inputs.ContainsKey(given), $"{name} has no input '{given}'");
        }

        var (_, body) = Split(File.ReadAllText(PathOf(name)));
        return Interpolation().Replace(body, m =>
        {
            var input = m.Groups["name"].Value;
            Assert.True(inputs.TryGetValue(input, out var fallback), $"{name} uses an undeclared input '{input}'");
            return values.TryGetValue(input, out var value) ? value
                : fallback ?? throw new InvalidOperationException($"{name}: the required input '{input}' has no value");
        });
    }

    /// <summary>The body rendered into a file of <paramref name="folder"/>, for keyless lint and the schema check.</summary>
    public static string RenderTo(string folder, string name, IReadOnlyDictionary<string, string> values)
    {
        var file = Path.Combine(folder, name + ".gitlab-ci.yml");
        File.WriteAllText(file, Render(name, values));
        return file;
    }

    private static (string Header, string Body) Split(string text)
    {
        var at = text.IndexOf("\n---\n", StringComparison.Ordinal);
        Assert.True(at > 0, "a component is a spec: header, a --- line, then its jobs");
        return (text[..at], text[(at + 5)..]);
    }

    [GeneratedRegex(@"\$\[\[\s*inputs\.(?<name>[A-Za-z0-9_-]+)\s*\]\]")]
    private static partial Regex Interpolation();
}
