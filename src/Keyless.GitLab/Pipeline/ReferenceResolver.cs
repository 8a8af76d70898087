using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// <c>!reference [key, sub, ...]</c> tags, resolved after <c>extends:</c> (GitLab's order): the tag is replaced by the
/// value at that path of the merged configuration. A list that lands inside a list (a script line, a rule) is
/// flattened there later, as GitLab flattens nested script and rules arrays. References may nest up to ten levels.
/// </summary>
internal sealed class ReferenceResolver
{
    public const string Tag = "!reference";

    /// <summary>GitLab's limit on nested <c>!reference</c> resolution.</summary>
    public const int MaxNesting = 10;

    private readonly PipelineMapping _root;
    private readonly PipelineLog _log;
    private readonly bool _partial;

    // Nodes walked over the whole resolution. Each reference walks its target again, so references to references
    // fan out (k targets each naming k more, ten levels deep: k^10); past the loader's budget the file is refused.
    private long _walked;
    private PipelineSequence? _expanding;

    private ReferenceResolver(PipelineMapping root, PipelineLog log, bool partial)
    {
        _root = root;
        _log = log;
        _partial = partial;
    }

    /// <param name="root">The configuration after <c>extends:</c>.</param>
    /// <param name="log">Where warnings and notes go.</param>
    /// <param name="partial">True when some includes were not read: a reference to nothing may point into one of them.</param>
    public static PipelineMapping Resolve(PipelineMapping root, PipelineLog log, bool partial)
    {
        var resolver = new ReferenceResolver(root, log, partial);
        return (PipelineMapping)resolver.Walk(root, 0, 0);
    }

    private PipelineNode Walk(PipelineNode node, int nesting, int depth)
    {
        // Each reference can add at most the loader's depth bound, and references nest at most MaxNesting deep.
        if (depth > (MaxNesting + 1) * (YamlFileLoader.MaxDepth + 1))
        {
            return node;
        }

        if (++_walked > YamlFileLoader.MaxExpandedNodes)
        {
            var at = (_expanding ?? node).Location;
            throw new InputException(
                at.File, $"!reference tags expand to more than {YamlFileLoader.MaxExpandedNodes} nodes", at.Line, at.Column);
        }

        switch (node)
        {
            case PipelineSequence { Tag: Tag } reference:
                return Dereference(reference, nesting, depth);
            case PipelineSequence sequence:
            {
                var items = new List<PipelineNode>(sequence.Items.Count);
                var changed = false;
                foreach (var item in sequence.Items)
                {
                    var walked = Walk(item, nesting, depth + 1);
                    changed |= !ReferenceEquals(walked, item);
                    items.Add(walked);
                }

                return changed ? new PipelineSequence(items, sequence.Location, sequence.Tag) : sequence;
            }

            case PipelineMapping mapping:
            {
                var entries = new List<PipelineEntry>(mapping.Entries.Count);
                var changed = false;
                foreach (var entry in mapping.Entries)
                {
                    var walked = Walk(entry.Value, nesting, depth + 1);
                    changed |= !ReferenceEquals(walked, entry.Value);
                    entries.Add(ReferenceEquals(walked, entry.Value) ? entry : entry with { Value = walked });
                }

                return changed ? new PipelineMapping(entries, mapping.Location, mapping.Tag) : mapping;
            }

            default:
                return node;
        }
    }

    private PipelineNode Dereference(PipelineSequence reference, int nesting, int depth)
    {
        var path = reference.Items.OfType<PipelineScalar>().Select(s => s.Value).ToList();
        var shown = "!reference [" + string.Join(", ", path) + "]";
        if (path.Count == 0 || path.Count != reference.Items.Count)
        {
            return Fail($"{shown}: a reference is a list of keys", reference);
        }

        if (nesting >= MaxNesting)
        {
            return Fail($"{shown}: references nest deeper than {MaxNesting} levels (or form a cycle)", reference);
        }

        PipelineNode? target = _root;
        foreach (var key in path)
        {
            target = (target as PipelineMapping)?[key];
            if (target is null)
            {
                if (_partial)
                {
                    // What it would bring in is unknown, as the parent of an `extends:` that was not read.
                    _log.Note($"{shown} is not in the files read; it may point into an include that was not read", reference.Location);
                    return new PipelineScalar(string.Empty, ScalarStyle.Plain, reference.Location, unresolved: [shown]);
                }

                return Fail($"{shown} could not be found", reference);
            }
        }

        var outer = _expanding;
        _expanding = reference;
        try
        {
            return Walk(target, nesting + 1, depth + 1);
        }
        finally
        {
            _expanding = outer;
        }
    }

    private PipelineScalar Fail(string message, PipelineNode at)
    {
        _log.Warn(message, at.Location);
        return new PipelineScalar(string.Empty, ScalarStyle.Plain, at.Location);
    }
}
