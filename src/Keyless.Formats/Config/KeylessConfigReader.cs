using System.Globalization;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Findings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Keyless.Formats.Config;

/// <summary>
/// Reads a <c>.keyless.yml</c> strictly: an unknown key, an unknown rule id, a bad severity, a malformed date or
/// an ignore without a reason is bad input (exit 2) naming the file, the line and the key, so a typo never silently
/// turns an accepted risk into a hidden one or the other way round.
/// </summary>
public static class KeylessConfigReader
{
    /// <summary>The file name looked for upward from the inputs.</summary>
    public const string FileName = ".keyless.yml";

    private static readonly string[] TopKeys = ["gitlab", "fail-on", "rules", "ignore"];
    private static readonly string[] GitLabKeys = ["url", "version"];
    private static readonly string[] RuleKeys = ["severity"];
    private static readonly string[] IgnoreKeys = ["rule", "identity", "path", "persona", "reason", "expires"];
    private static readonly string[] Personas = Enum.GetValues<Persona>().Select(p => p.ToWire()).ToArray();

    /// <param name="file">The config file.</param>
    /// <param name="knownRules">Every rule id keyless has (audit, lint, scan, diff).</param>
    public static KeylessConfig Read(string file, IReadOnlySet<string> knownRules)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(knownRules);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InputException(file, $"not valid YAML: {e.Message}", (int)e.Start.Line, (int)e.Start.Column);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, $"cannot read: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new KeylessConfig { File = file };
        }

        var root = Mapping(file, stream.Documents[0].RootNode, "the config");
        var config = new KeylessConfig { File = file };
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(file, keyNode, TopKeys, string.Empty);
            config = key switch
            {
                "fail-on" => config with { FailOn = SeverityOf(file, value, key) },
                "gitlab" => ReadGitLab(file, value, config),
                "rules" => config with { Severities = ReadRules(file, value, knownRules) },
                _ => config with { Ignores = ReadIgnores(file, value, knownRules) },
            };
        }

        return config;
    }

    private static KeylessConfig ReadGitLab(string file, YamlNode node, KeylessConfig config)
    {
        foreach (var (keyNode, value) in Mapping(file, node, "gitlab").Children)
        {
            var key = Key(file, keyNode, GitLabKeys, "gitlab");
            var text = Scalar(file, value, "gitlab." + key);
            if (key == "url")
            {
                config = Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.UserInfo.Length == 0
                    ? config with { GitLabUrl = url }
                    : throw Bad(file, value, "gitlab.url", $"'{text}' is not an http(s) URL like https://gitlab.example.com");
            }
            else
            {
                config = System.Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var version)
                    ? config with { GitLabVersion = version }
                    : throw Bad(file, value, "gitlab.version", $"'{text}' is not a version like 18.4");
            }
        }

        return config;
    }

    private static Dictionary<string, Severity> ReadRules(string file, YamlNode node, IReadOnlySet<string> knownRules)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in Mapping(file, node, "rules").Children)
        {
            var rule = RuleId(file, keyNode, knownRules, "rules");
            foreach (var (settingNode, setting) in Mapping(file, value, $"rules.{rule}").Children)
            {
                Key(file, settingNode, RuleKeys, $"rules.{rule}");
                severities[rule] = SeverityOf(file, setting, $"rules.{rule}.severity");
            }
        }

        return severities;
    }

    private static List<ConfigIgnore> ReadIgnores(string file, YamlNode node, IReadOnlySet<string> knownRules)
    {
        if (node is not YamlSequenceNode items)
        {
            throw Bad(file, node, "ignore", "must be a list of ignores, each with a reason");
        }

        var ignores = new List<ConfigIgnore>();
        for (var i = 0; i < items.Children.Count; i++)
        {
            var where = $"ignore[{i}]";
            var entry = Mapping(file, items.Children[i], where);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            DateOnly? expires = null;
            foreach (var (keyNode, value) in entry.Children)
            {
                var key = Key(file, keyNode, IgnoreKeys, where);
                if (key == "rule")
                {
                    fields[key] = RuleId(file, value, knownRules, $"{where}.rule");
                }
                else if (key == "expires")
                {
                    var text = Scalar(file, value, $"{where}.expires");
                    expires = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? date
                        : throw Bad(file, value, $"{where}.expires", $"'{text}' is not a date like 2027-01-31");
                }
                else if (key == "persona" && !Personas.Contains(Scalar(file, value, $"{where}.persona"), StringComparer.Ordinal))
                {
                    throw Bad(file, value, $"{where}.persona", $"'{Scalar(file, value, key)}' is not one of {string.Join(", ", Personas)}");
                }
                else
                {
                    fields[key] = Scalar(file, value, $"{where}.{key}");
                }
            }

            if (!fields.TryGetValue("reason", out var reason) || string.IsNullOrWhiteSpace(reason))
            {
                throw Bad(file, entry, $"{where}.reason", "an ignore needs a reason: say why the risk is accepted");
            }

            if (!fields.ContainsKey("rule") && !fields.ContainsKey("identity") && !fields.ContainsKey("path") && !fields.ContainsKey("persona"))
            {
                throw Bad(file, entry, where, "an ignore needs at least one of rule, identity, path, persona");
            }

            ignores.Add(new ConfigIgnore(fields.GetValueOrDefault("rule"), fields.GetValueOrDefault("identity"), fields.GetValueOrDefault("path"),
                                         fields.GetValueOrDefault("persona"), reason, expires, (int)entry.Start.Line));
        }

        return ignores;
    }

    private static string RuleId(string file, YamlNode node, IReadOnlySet<string> knownRules, string where)
    {
        var id = Scalar(file, node, where);
        return knownRules.Contains(id) ? id : throw Bad(file, node, where, $"unknown rule id '{id}'");
    }

    private static Severity SeverityOf(string file, YamlNode node, string where)
    {
        var text = Scalar(file, node, where);
        return SeverityNames.TryParse(text, out var severity)
            ? severity
            : throw Bad(file, node, where, $"'{text}' is not one of info, low, medium, high, critical");
    }

    // parent: where the key is (ignore[0]), empty at the top.
    private static string Key(string file, YamlNode node, string[] allowed, string parent)
    {
        var key = Scalar(file, node, parent.Length == 0 ? "key" : parent);
        return allowed.Contains(key, StringComparer.Ordinal)
            ? key
            : throw Bad(file, node, parent.Length == 0 ? key : $"{parent}.{key}", $"unknown key (expected one of {string.Join(", ", allowed)})");
    }

    private static YamlMappingNode Mapping(string file, YamlNode node, string where) =>
        node as YamlMappingNode ?? throw Bad(file, node, where, "must be a mapping");

    private static string Scalar(string file, YamlNode node, string where) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Bad(file, node, where, "must be a single value");

    private static InputException Bad(string file, YamlNode node, string key, string message) =>
        new(file, $"{key}: {message}", (int)node.Start.Line, (int)node.Start.Column);
}
