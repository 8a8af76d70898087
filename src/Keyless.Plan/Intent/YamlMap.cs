using Keyless.Trust.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Keyless.Plan.Intent;

/// <summary>
/// A YAML mapping read against a fixed set of keys: every value is fetched by name with its type checked, and an
/// unknown key is an error at its own line, so a typo ("environment:" for "environments:") never silently widens
/// or narrows the trust.
/// </summary>
internal sealed class YamlMap
{
    private readonly string _file;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private YamlMap(string file, string path, YamlMappingNode node)
    {
        _file = file;
        Path = path;
        Node = node;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalarKey || scalarKey.Value is null)
            {
                throw Error(key, $"{Describe(path)} has a key that is not a plain name");
            }

            if (!_entries.TryAdd(scalarKey.Value, (scalarKey, value)))
            {
                throw Error(key, $"'{scalarKey.Value}' appears twice in {Describe(path)}");
            }
        }
    }

    public string FileName => _file;

    /// <summary>The YAML key path of this mapping, e.g. <c>gcp.service_accounts[0]</c>.</summary>
    public string Path { get; }

    public YamlMappingNode Node { get; }

    public SourcePosition Position => PositionOf(Node);

    public static YamlMap From(string file, string path, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new InputException(file, $"{Describe(path)} must be a mapping (key: value), not {KindOf(node)}",
                LineOf(node), ColumnOf(node), path);
        }

        return new YamlMap(file, path, mapping);
    }

    public static SourcePosition PositionOf(YamlNode node) => new(LineOf(node), ColumnOf(node));

    /// <summary>Rejects keys outside <paramref name="allowed"/>, naming the ones that are allowed.</summary>
    public void OnlyKeys(params string[] allowed)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (Array.IndexOf(allowed, name) < 0)
            {
                throw Error(key, $"unknown key '{name}' in {Describe(Path)}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    public bool Has(string key) => _entries.TryGetValue(key, out var entry) && !IsNull(entry.Value);

    public string RequiredString(string key, Func<string, string?>? rule = null) =>
        OptionalString(key, rule) ?? throw new InputException(_file, $"{Describe(Path)} is missing the required key '{key}'",
            Position.Line, Position.Column, Path);

    /// <summary>A single value; <paramref name="rule"/> returns what is wrong with it, or null when it is fine.</summary>
    public string? OptionalString(string key, Func<string, string?>? rule = null)
    {
        if (!_entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            return null;
        }

        if (entry.Value is not YamlScalarNode scalar)
        {
            throw Error(entry.Value, $"'{Child(key)}' must be a single value, not {KindOf(entry.Value)}");
        }

        var value = scalar.Value ?? string.Empty;
        if (rule?.Invoke(value) is { } problem)
        {
            throw Error(entry.Value, $"'{Child(key)}': {problem}");
        }

        return value;
    }

    public YamlMap? OptionalMap(string key) =>
        _entries.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? From(_file, Child(key), entry.Value) : null;

    /// <summary>A list value; absent means empty. Each item comes with its own key path for later errors.</summary>
    public IReadOnlyList<(string Path, YamlNode Node)> OptionalList(string key)
    {
        if (!_entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            return [];
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            throw Error(entry.Value, $"'{Child(key)}' must be a list (for example [a, b]), not {KindOf(entry.Value)}");
        }

        return sequence.Children.Select((node, i) => ($"{Child(key)}[{i}]", node)).ToList();
    }

    /// <summary>A list of plain values, such as branch names.</summary>
    public IReadOnlyList<(string Value, SourcePosition Position)> OptionalStringList(string key,
        Func<string, string?>? rule = null)
    {
        var items = new List<(string, SourcePosition)>();
        foreach (var (path, node) in OptionalList(key))
        {
            if (node is not YamlScalarNode scalar || IsNull(node))
            {
                throw Error(node, $"'{path}' must be a single value, not {KindOf(node)}");
            }

            var value = scalar.Value ?? string.Empty;
            if (rule?.Invoke(value) is { } problem)
            {
                throw Error(node, $"'{path}': {problem}");
            }

            items.Add((value, PositionOf(node)));
        }

        return items;
    }

    public SourcePosition PositionOfValue(string key) =>
        _entries.TryGetValue(key, out var entry) ? PositionOf(entry.Value) : Position;

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private InputException Error(YamlNode node, string message) =>
        new(_file, message, LineOf(node), ColumnOf(node), Path.Length == 0 ? null : Path);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar
        && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value is "~" or "null" or "Null" or "NULL");

    private static string Describe(string path) => path.Length == 0 ? "the top level" : $"'{path}'";

    private static string KindOf(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "a single value",
    };

    private static int LineOf(YamlNode node) => checked((int)node.Start.Line);

    private static int ColumnOf(YamlNode node) => checked((int)node.Start.Column);
}
