using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Loads one YAML file through YamlDotNet's representation model into immutable <see cref="PipelineNode"/>s, the way
/// GitLab's Psych loader reads it: aliases expanded, <c>&lt;&lt;</c> merge keys applied with Psych's precedence,
/// local tags (<c>!reference</c>) kept, and a leading <c>spec:</c> header document skipped.
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

    private const string MergeKey = "<<";

    public static PipelineMapping? Load(string path, string displayPath)
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

        return Parse(text, displayPath);
    }

    public static PipelineMapping? Parse(string text, string displayPath)
    {
        var stream = YamlText.Load(displayPath, text, "invalid YAML", $"the YAML is nested deeper than {MaxDepth} levels", MaxDepth);

        var documents = stream.Documents;
        if (documents.Count == 0)
        {
            return null;
        }

        // A file with inputs starts with a header document holding `spec:`; the configuration is the next one.
        var root = documents[0].RootNode;
        if (documents.Count > 1 && root is YamlMappingNode header && HasKey(header, "spec"))
        {
            root = documents[1].RootNode;
        }

        var converter = new Converter(displayPath);
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

    private static bool HasKey(YamlMappingNode mapping, string key) =>
        mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: { } value } && value == key);

    private sealed class Converter(string file)
    {
        private readonly Dictionary<YamlNode, PipelineNode> _converted = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<YamlNode, long> _sizes = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<YamlNode, int> _heights = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<YamlNode> _inProgress = new(ReferenceEqualityComparer.Instance);

        public PipelineNode Convert(YamlNode node, int depth)
        {
            if (_converted.TryGetValue(node, out var done))
            {
                // An alias puts a whole subtree here: the expanded tree must stay within the depth bound too.
                if (depth + _heights[node] > MaxDepth)
                {
                    throw Error(node, $"the YAML is nested deeper than {MaxDepth} levels (through aliases)");
                }

                return done;
            }

            if (depth > MaxDepth)
            {
                throw Error(node, $"the YAML is nested deeper than {MaxDepth} levels (through aliases)");
            }

            if (!_inProgress.Add(node))
            {
                throw Error(node, "an alias refers to a node that contains it");
            }

            PipelineNode result = node switch
            {
                YamlScalarNode scalar => new PipelineScalar(scalar.Value ?? string.Empty, StyleOf(scalar.Style), Where(node), TagOf(node)),
                YamlSequenceNode sequence => new PipelineSequence(
                    sequence.Children.Select(child => Convert(child, depth + 1)).ToList(), Where(node), TagOf(node)),
                YamlMappingNode mapping => ConvertMapping(mapping, depth),
                _ => throw Error(node, $"unsupported YAML node {node.NodeType}"),
            };

            _inProgress.Remove(node);
            _converted[node] = result;
            _heights[node] = 1 + ChildrenOf(node).Select(child => _heights.GetValueOrDefault(child)).DefaultIfEmpty(0).Max();
            return result;
        }

        /// <summary>The node count once every alias is expanded, memoised per shared node.</summary>
        public long Size(YamlNode node)
        {
            if (_sizes.TryGetValue(node, out var size))
            {
                return size;
            }

            // Convert already rejected cycles and bounded the expanded depth, so this recursion is bounded too.
            size = 1;
            foreach (var child in ChildrenOf(node))
            {
                size = Math.Min(size + Size(child), long.MaxValue / 4);
            }

            _sizes[node] = size;
            return size;
        }

        private static IEnumerable<YamlNode> ChildrenOf(YamlNode node) => node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlMappingNode mapping => mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
            _ => [],
        };

        private PipelineMapping ConvertMapping(YamlMappingNode mapping, int depth)
        {
            // Ruby hash semantics: a repeated key keeps its first position and takes the last value.
            var entries = new List<PipelineEntry>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);

            void Set(PipelineEntry entry)
            {
                if (index.TryGetValue(entry.Name, out var at))
                {
                    entries[at] = entry;
                }
                else
                {
                    index[entry.Name] = entries.Count;
                    entries.Add(entry);
                }
            }

            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                if (keyNode is not YamlScalarNode keyScalar)
                {
                    throw Error(keyNode, "a mapping key must be a plain string");
                }

                var value = Convert(valueNode, depth + 1);
                var isMergeKey = keyScalar.Value == MergeKey && keyScalar.Style == YamlDotNet.Core.ScalarStyle.Plain && keyScalar.Tag.IsEmpty;
                if (!isMergeKey)
                {
                    Set(new PipelineEntry((PipelineScalar)Convert(keyScalar, depth + 1), value));
                    continue;
                }

                // Psych (which GitLab uses) lets merged keys override keys written before `<<`, and for a list of
                // mappings lets earlier mappings win over later ones.
                switch (value)
                {
                    case PipelineMapping merged:
                        merged.Entries.ToList().ForEach(Set);
                        break;
                    case PipelineSequence { Items: var items } when items.All(i => i is PipelineMapping):
                        var combined = new Dictionary<string, PipelineEntry>(StringComparer.Ordinal);
                        var order = new List<string>();
                        foreach (var item in items.Reverse())
                        {
                            foreach (var entry in ((PipelineMapping)item).Entries)
                            {
                                if (!combined.ContainsKey(entry.Name))
                                {
                                    order.Add(entry.Name);
                                }

                                combined[entry.Name] = entry;
                            }
                        }

                        order.ForEach(name => Set(combined[name]));
                        break;
                    default:
                        throw Error(valueNode, "a `<<` merge key needs a mapping or a list of mappings");
                }
            }

            return new PipelineMapping(entries, Where(mapping), TagOf(mapping));
        }

        private SourceLocation Where(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

        private InputException Error(YamlNode node, string message) =>
            new(file, message, (int)node.Start.Line, (int)node.Start.Column);

        private static string? TagOf(YamlNode node) =>
            node.Tag.IsEmpty || node.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? null : node.Tag.Value;

        private static ScalarStyle StyleOf(YamlDotNet.Core.ScalarStyle style) => style switch
        {
            YamlDotNet.Core.ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            YamlDotNet.Core.ScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            YamlDotNet.Core.ScalarStyle.Literal => ScalarStyle.Literal,
            YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };
    }
}
