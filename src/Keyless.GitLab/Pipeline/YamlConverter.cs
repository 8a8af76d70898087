using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Gives the raw YAML tree the meaning Psych (GitLab's loader) gives it: aliases expanded, <c>&lt;&lt;</c> merge keys
/// applied in the order written (merged keys override keys before them; in a list of mappings the earlier wins), a
/// repeated key keeps its first position and takes its last value (Ruby's <c>Hash#[]=</c>). Repeated keys are noted,
/// not refused. Depth through aliases and the expanded size stay bounded.
/// </summary>
internal sealed class YamlConverter(string file, PipelineLog log)
{
    private const string MergeKey = "<<";

    /// <summary>A <c>!!str &lt;&lt;</c> is a plain key to Psych, any other <c>&lt;&lt;</c> a merge.</summary>
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly Dictionary<RawYamlNode, PipelineNode> _converted = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<RawYamlNode, long> _sizes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<RawYamlNode, int> _heights = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<RawYamlNode> _inProgress = new(ReferenceEqualityComparer.Instance);

    public PipelineNode Convert(RawYamlNode node, int depth)
    {
        if (node is RawYamlAlias alias)
        {
            return Convert(alias.Target, depth);
        }

        if (_converted.TryGetValue(node, out var done))
        {
            // An alias puts a whole subtree here: the expanded tree must stay within the depth bound too.
            if (depth + _heights[node] > YamlFileLoader.MaxDepth)
            {
                throw Error(node, $"the YAML is nested deeper than {YamlFileLoader.MaxDepth} levels (through aliases)");
            }

            return done;
        }

        if (depth > YamlFileLoader.MaxDepth)
        {
            throw Error(node, $"the YAML is nested deeper than {YamlFileLoader.MaxDepth} levels (through aliases)");
        }

        if (!_inProgress.Add(node))
        {
            throw Error(node, "an alias refers to a node that contains it");
        }

        PipelineNode result = node switch
        {
            RawYamlScalar scalar => new PipelineScalar(scalar.Value, StyleOf(scalar.Style), Where(node), LocalTag(node)),
            RawYamlSequence sequence => new PipelineSequence(
                sequence.Items.Select(child => Convert(child, depth + 1)).ToList(), Where(node), LocalTag(node)),
            RawYamlMapping mapping => ConvertMapping(mapping, depth),
            _ => throw Error(node, "unsupported YAML node"),
        };

        _inProgress.Remove(node);
        _converted[node] = result;
        _heights[node] = 1 + ChildrenOf(node).Select(child => _heights.GetValueOrDefault(Unalias(child))).DefaultIfEmpty(0).Max();
        return result;
    }

    /// <summary>The node count once every alias is expanded, memoised per shared node.</summary>
    public long Size(RawYamlNode node)
    {
        node = Unalias(node);
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

    private static RawYamlNode Unalias(RawYamlNode node) => node is RawYamlAlias alias ? alias.Target : node;

    private static IEnumerable<RawYamlNode> ChildrenOf(RawYamlNode node) => node switch
    {
        RawYamlSequence sequence => sequence.Items,
        RawYamlMapping mapping => mapping.Pairs.SelectMany(pair => new[] { pair.Key, pair.Value }),
        _ => [],
    };

    private PipelineMapping ConvertMapping(RawYamlMapping mapping, int depth)
    {
        var entries = new List<PipelineEntry>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var written = new Dictionary<string, PipelineScalar>(StringComparer.Ordinal);
        PipelineScalar? firstMerge = null;

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

        foreach (var (keyNode, valueNode) in mapping.Pairs)
        {
            if (Unalias(keyNode) is not RawYamlScalar keyScalar)
            {
                throw Error(keyNode, "a mapping key must be a plain string");
            }

            if (keyScalar.Value.Length == 0 && keyScalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
            {
                // Psych reads an empty key as nil, which no GitLab keyword or job name can be.
                throw Error(keyNode, "a mapping entry has no key");
            }

            var key = (PipelineScalar)Convert(keyNode, depth + 1);
            var value = Convert(valueNode, depth + 1);
            if (keyScalar.Value != MergeKey || keyScalar.Tag == StringTag)
            {
                if (written.TryGetValue(key.Value, out var earlier))
                {
                    log.Note(
                        $"key '{key.Value}' is written twice in this mapping (also at line {earlier.Location.Line}): GitLab keeps the last value, and so does the lint",
                        key.Location);
                }

                written[key.Value] = key;
                Set(new PipelineEntry(key, value));
                continue;
            }

            if (firstMerge is not null)
            {
                log.Note(
                    $"`<<` is written again in this mapping (first at line {firstMerge.Location.Line}): GitLab merges each in order, later ones over the keys before them, and so does the lint",
                    key.Location);
            }

            firstMerge ??= key;
            Merge(key, value, Unalias(valueNode) is RawYamlSequence && valueNode is not RawYamlAlias, Set);
        }

        return new PipelineMapping(entries, Where(mapping), LocalTag(mapping));
    }

    /// <summary>
    /// Psych's merge: a mapping (written or through an alias) is merged over the keys so far; a written list of
    /// mappings is merged with its earlier mappings winning; anything else stays a key named <c>&lt;&lt;</c>.
    /// </summary>
    private void Merge(PipelineScalar key, PipelineNode value, bool writtenList, Action<PipelineEntry> set)
    {
        switch (value)
        {
            case PipelineMapping merged:
                foreach (var entry in merged.Entries)
                {
                    set(entry);
                }

                return;
            case PipelineSequence { Items: var items } when writtenList && items.All(i => i is PipelineMapping):
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

                order.ForEach(name => set(combined[name]));
                return;
            default:
                log.Warn("a `<<` merge key needs a mapping or a list of mappings: GitLab keeps it as a key named '<<' and rejects it", key.Location);
                set(new PipelineEntry(key, value));
                return;
        }
    }

    private SourceLocation Where(RawYamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private InputException Error(RawYamlNode node, string message) =>
        new(file, message, (int)node.Start.Line, (int)node.Start.Column);

    private static string? LocalTag(RawYamlNode node) =>
        node.Tag is null || node.Tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? null : node.Tag;

    private static ScalarStyle StyleOf(YamlDotNet.Core.ScalarStyle style) => style switch
    {
        YamlDotNet.Core.ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
        YamlDotNet.Core.ScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
        YamlDotNet.Core.ScalarStyle.Literal => ScalarStyle.Literal,
        YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Folded,
        _ => ScalarStyle.Plain,
    };
}
