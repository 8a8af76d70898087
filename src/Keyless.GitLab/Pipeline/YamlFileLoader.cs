using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Loads one YAML file into immutable <see cref="PipelineNode"/>s, the way GitLab's Psych loader reads it: aliases
/// expanded, <c>&lt;&lt;</c> merge keys applied with Psych's precedence, a repeated key taking its last value (with a
/// note), local tags (<c>!reference</c>) kept, and a leading <c>spec:</c> header document read apart.
/// Malformed, hostile (alias bombs, recursive aliases, deep nesting) or oversized input is an
/// <see cref="InputException"/> naming file, line and column.
/// </summary>
internal static class YamlFileLoader
{
    /// <summary>Larger than any real pipeline file (GitLab's own limit is lower); keeps memory bounded.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>GitLab rejects YAML nested deeper than 100 levels; a little slack, and no stack overflow either way.</summary>
    public const int MaxDepth = 128;

    /// <summary>Bound on the size of the tree once aliases are expanded, so a billion-laughs file fails fast.</summary>
    public const long MaxExpandedNodes = 500_000;

    public static YamlFile Load(string path, string displayPath, PipelineLog log)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InputException(displayPath, "file not found");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new InputException(displayPath, $"file is larger than {MaxFileBytes / (1024 * 1024)} MiB");
            }

            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new InputException(displayPath, $"cannot read the file: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException(displayPath, $"cannot read the file: {e.Message}");
        }

        return Read(text, displayPath, log);
    }

    /// <summary>The configuration of <paramref name="text"/> as GitLab loads it, before interpolation; for tests.</summary>
    public static PipelineMapping? Parse(string text, string displayPath) => Read(text, displayPath, new PipelineLog()).Content;

    public static YamlFile Read(string text, string displayPath, PipelineLog log)
    {
        var documents = YamlComposer.Compose(displayPath, text, MaxDepth);
        if (documents.Count == 0)
        {
            return new YamlFile(null, null);
        }

        // A file with inputs starts with a header document holding `spec:`; the configuration is the next one
        // (Gitlab::Ci::Config::Yaml::Documents).
        var converter = new YamlConverter(displayPath, log);
        var first = documents[0];
        if (documents.Count > 1 && first is RawYamlMapping header && HasKey(header, "spec"))
        {
            return new YamlFile(Mapping(converter, header, displayPath), Mapping(converter, documents[1], displayPath));
        }

        return new YamlFile(null, Mapping(converter, first, displayPath));
    }

    private static PipelineMapping? Mapping(YamlConverter converter, RawYamlNode root, string displayPath)
    {
        var node = converter.Convert(root, 0);
        if (converter.Size(root) > MaxExpandedNodes)
        {
            throw new InputException(
                displayPath,
                $"the YAML expands to more than {MaxExpandedNodes} nodes through its aliases",
                (int)root.Start.Line,
                (int)root.Start.Column);
        }

        return node switch
        {
            PipelineMapping mapping => mapping,
            PipelineScalar { IsNull: true } => null,
            _ => throw new InputException(
                displayPath, "a pipeline configuration must be a mapping of keywords and jobs", node.Location.Line, node.Location.Column),
        };
    }

    private static bool HasKey(RawYamlMapping mapping, string key) =>
        mapping.Pairs.Any(pair => pair.Key is RawYamlScalar { Value: var value } && value == key);
}
