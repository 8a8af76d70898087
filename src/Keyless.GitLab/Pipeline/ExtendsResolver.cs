namespace Keyless.GitLab.Pipeline;

/// <summary>
/// <c>extends:</c> as GitLab's Extendable::Entry does it: the parents (one or a list, each resolved first) are
/// deep-merged in order, then the entry itself on top. Unknown parents, non-mapping parents, cycles and nesting
/// deeper than GitLab's ten levels are diagnostics; the entry keeps what could be resolved. When some includes were
/// not read, an unknown parent may well be defined there: that is a note, and the entry (and whatever extends it)
/// remembers the parents it lacks, so the lint judges what they could set as unknown rather than absent.
/// </summary>
internal sealed class ExtendsResolver
{
    /// <summary>GitLab's Extendable::Entry::MAX_NESTING_LEVELS.</summary>
    public const int MaxNestingLevels = 10;

    private readonly PipelineMapping _root;
    private readonly PipelineLog _log;
    private readonly bool _partial;
    private readonly Dictionary<string, PipelineMapping> _resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _missing = new(StringComparer.Ordinal);

    /// <summary>How many entries with <c>extends:</c> a chain starting at a key passes through, itself included.</summary>
    private readonly Dictionary<string, int> _heights = new(StringComparer.Ordinal);

    private ExtendsResolver(PipelineMapping root, PipelineLog log, bool partial)
    {
        _root = root;
        _log = log;
        _partial = partial;
    }

    /// <param name="root">The configuration after includes.</param>
    /// <param name="log">Where warnings and notes go.</param>
    /// <param name="partial">True when some includes were not read, so a parent may be defined out of sight.</param>
    /// <param name="missing">Per key, the parents (its own or its ancestors') that were not found.</param>
    public static PipelineMapping Resolve(PipelineMapping root, PipelineLog log, bool partial, out IReadOnlyDictionary<string, List<string>> missing)
    {
        var resolver = new ExtendsResolver(root, log, partial);
        var entries = root.Entries
            .Select(entry => entry.Value is PipelineMapping mapping && mapping.ContainsKey("extends")
                ? entry with { Value = resolver.Extend(entry.Name, []) }
                : entry)
            .ToList();
        missing = resolver._missing;
        return new PipelineMapping(entries, root.Location, root.Tag);
    }

    private PipelineMapping Extend(string key, List<string> ancestors)
    {
        if (_resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        var value = (PipelineMapping)_root[key]!;
        var extendsNode = value["extends"]!;
        var parents = extendsNode switch
        {
            PipelineScalar { IsNull: false } scalar => [scalar],
            PipelineSequence sequence => sequence.Items.OfType<PipelineScalar>().ToList(),
            _ => new List<PipelineScalar>(),
        };

        PipelineMapping? merged = null;
        var height = 1;
        var chain = new List<string>(ancestors) { key };
        foreach (var parent in parents)
        {
            var name = parent.Value;
            if (ancestors.Contains(name, StringComparer.Ordinal) || name == key)
            {
                Report($"{key}: circular dependency detected in `extends` ({string.Join(" → ", chain.Append(name))})", parent);
                continue;
            }

            if (_root[name] is not { } parentNode)
            {
                if (_partial)
                {
                    _log.Note($"{key}: `extends` names {name}, which is not in the files read; it may come from an include that was not read", parent.Location);
                    Missing(key, [name]);
                }
                else
                {
                    Report($"{key}: unknown key in `extends` ({name})", parent);
                }

                continue;
            }

            if (parentNode is not PipelineMapping)
            {
                Report($"{key}: invalid base hash in `extends` ({name})", parent);
                continue;
            }

            var parentExtends = ((PipelineMapping)parentNode).ContainsKey("extends");
            if (parentExtends && chain.Count > MaxNestingLevels && !_resolved.ContainsKey(name))
            {
                // Too deep already: stop here rather than recurse down an arbitrarily long chain.
                Report($"{key}: nesting too deep in `extends` (more than {MaxNestingLevels} levels)", parent);
                continue;
            }

            var parentValue = parentExtends ? Extend(name, chain) : (PipelineMapping)parentNode;
            var parentHeight = _heights.GetValueOrDefault(name);
            if (parentHeight >= MaxNestingLevels + 1)
            {
                // GitLab counts the ancestors of every entry that still extends something: more than ten is an error.
                Report($"{key}: nesting too deep in `extends` (more than {MaxNestingLevels} levels)", parent);
                continue;
            }

            Missing(key, _missing.GetValueOrDefault(name) ?? []);
            height = Math.Max(height, parentHeight + 1);
            merged = merged is null ? parentValue : DeepMerge.Merge(merged, parentValue);
        }

        var result = merged is null ? value : DeepMerge.Merge(merged, value);

        // Memoised so diamond-shaped hierarchies cost one merge per key. In a cyclic configuration (which GitLab
        // rejects anyway) the result may depend on where the walk started; the diagnostic says so.
        _resolved[key] = result;
        _heights[key] = height;
        return result;
    }

    private void Report(string message, PipelineScalar at) => _log.Warn(message, at.Location);

    private void Missing(string key, IEnumerable<string> parents)
    {
        foreach (var parent in parents)
        {
            if (!_missing.TryGetValue(key, out var list))
            {
                _missing[key] = list = [];
            }

            if (!list.Contains(parent, StringComparer.Ordinal))
            {
                list.Add(parent);
            }
        }
    }
}
