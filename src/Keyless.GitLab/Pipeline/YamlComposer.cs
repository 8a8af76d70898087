using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;
using YamlDotNet.Core.Events;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Builds the raw YAML tree of each document from the parser's events, without a loader that refuses what Psych
/// accepts: a repeated key is kept (GitLab's loader takes the last one), aliases point at their anchored node. An
/// anchor is known from the start of its node, as in Psych, so an alias inside its own node is a cycle the reader
/// refuses. Iterative: nesting is bounded by the event reader, not by the stack.
/// </summary>
internal static class YamlComposer
{
    public static List<RawYamlNode> Compose(string file, string text, int maxDepth)
    {
        var documents = new List<RawYamlNode>();
        var anchors = new Dictionary<string, RawYamlNode>(StringComparer.Ordinal);
        var open = new Stack<Frame>();

        void Attach(RawYamlNode node)
        {
            if (open.Count == 0)
            {
                documents.Add(node);
                return;
            }

            var parent = open.Peek();
            switch (parent.Node)
            {
                case RawYamlSequence sequence:
                    sequence.Items.Add(node);
                    break;
                case RawYamlMapping mapping when parent.PendingKey is { } key:
                    mapping.Pairs.Add((key, node));
                    parent.PendingKey = null;
                    break;
                default:
                    parent.PendingKey = node;
                    break;
            }
        }

        void Register(NodeEvent e, RawYamlNode node)
        {
            if (!e.Anchor.IsEmpty)
            {
                anchors[e.Anchor.Value] = node;
            }
        }

        foreach (var e in YamlText.Events(file, text, "invalid YAML", $"the YAML is nested deeper than {maxDepth} levels", maxDepth))
        {
            switch (e)
            {
                case DocumentStart:
                    // Anchors belong to their document.
                    anchors.Clear();
                    break;
                case Scalar scalar:
                    var leaf = new RawYamlScalar(scalar.Value, scalar.Style, scalar.Start, TagOf(scalar));
                    Register(scalar, leaf);
                    Attach(leaf);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new InputException(file, $"invalid YAML: the alias *{alias.Value.Value} names no anchor before it", (int)alias.Start.Line, (int)alias.Start.Column);
                    }

                    Attach(new RawYamlAlias(target, alias.Start));
                    break;
                case SequenceStart sequenceStart:
                    var sequence = new RawYamlSequence(sequenceStart.Start, TagOf(sequenceStart));
                    Register(sequenceStart, sequence);
                    open.Push(new Frame(sequence));
                    break;
                case MappingStart mappingStart:
                    var mapping = new RawYamlMapping(mappingStart.Start, TagOf(mappingStart));
                    Register(mappingStart, mapping);
                    open.Push(new Frame(mapping));
                    break;
                case SequenceEnd or MappingEnd:
                    Attach(open.Pop().Node);
                    break;
            }
        }

        return documents;
    }

    private static string? TagOf(NodeEvent e) => e.Tag.IsEmpty || e.Tag.IsNonSpecific ? null : e.Tag.Value;

    /// <summary>An open sequence or mapping; a mapping waits for the value of the key it has just read.</summary>
    private sealed class Frame(RawYamlNode node)
    {
        public RawYamlNode Node { get; } = node;

        public RawYamlNode? PendingKey { get; set; }
    }
}
