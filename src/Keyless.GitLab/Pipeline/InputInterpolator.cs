using System.Text;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// <c>spec:inputs</c> interpolation as GitLab does it on the loaded configuration (Interpolation::Template with
/// fixed input types): every string, keys included, has its <c>$[[ inputs.name | function ]]</c> blocks replaced; a
/// string that is one block takes the input's value as it is (a list of rules, a boolean), a block inside a longer
/// string its Ruby <c>to_s</c>. Values are those given by <c>include: inputs:</c>, else the defaults. An input with
/// neither stays unknown: its block is kept and the scalar says so (<see cref="PipelineScalar.Unresolved"/>),
/// so nothing that depends on it reads as a gate or as a pass. What GitLab would reject is a warning.
/// </summary>
internal sealed class InputInterpolator
{
    /// <summary>GitLab's Template::MAX_BLOCKS.</summary>
    public const int MaxBlocks = 10_000;

    private readonly PipelineLog _log;
    private readonly bool _standalone;
    private readonly Dictionary<string, InputSpec> _specs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PipelineNode> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _noted = new(StringComparer.Ordinal);
    private readonly Dictionary<PipelineNode, PipelineNode> _done = new(ReferenceEqualityComparer.Instance);
    private int _blocks;

    private InputInterpolator(PipelineLog log, bool standalone)
    {
        _log = log;
        _standalone = standalone;
    }

    /// <summary>
    /// The file's configuration with its inputs filled in. <paramref name="given"/> is the including entry's
    /// <c>inputs:</c> (an empty mapping when it gives none), or null for a file read on its own (the entry file, a
    /// component linted by itself): then every input takes its default.
    /// </summary>
    public static PipelineMapping? Apply(YamlFile file, PipelineMapping? given, SourceLocation? givenAt, PipelineLog log)
    {
        if (file.Header is null)
        {
            if (given is { Entries.Count: > 0 })
            {
                log.Warn("inputs are given, but the included file declares no spec:inputs: GitLab rejects the include", givenAt ?? given.Location);
            }

            return file.Content;
        }

        var interpolator = new InputInterpolator(log, standalone: given is null);
        interpolator.Prepare(file.Header, given, givenAt);
        return file.Content is null ? null : (PipelineMapping)interpolator.Walk(file.Content);
    }

    private void Prepare(PipelineMapping header, PipelineMapping? given, SourceLocation? givenAt)
    {
        foreach (var entry in header.GetMapping("spec")?.GetMapping("inputs")?.Entries ?? [])
        {
            var spec = InputSpec.From(entry);
            _specs[spec.Name] = spec;
            if (!InputSpec.Types.Contains(spec.Type))
            {
                _log.Warn($"unknown input specification for `{spec.Name}` (valid types: {string.Join(", ", InputSpec.Types)}): GitLab rejects the file", spec.Location);
            }
        }

        var unknownArguments = given?.Entries.Where(e => !_specs.ContainsKey(e.Name)).ToList() ?? [];
        if (unknownArguments.Count > 0)
        {
            _log.Warn($"unknown input arguments: {string.Join(", ", unknownArguments.Select(e => e.Name))}: GitLab rejects the include", unknownArguments[0].Key.Location);
        }

        foreach (var spec in _specs.Values)
        {
            if (given is not null && given.TryGetEntry(spec.Name, out var argument))
            {
                Check(spec, argument.Value, "provided value", argument.Key.Location);
                _values[spec.Name] = argument.Value;
            }
            else if (spec.HasDefault)
            {
                Check(spec, spec.Default!, "default value", spec.Location);
                _values[spec.Name] = spec.Default!;
            }
            else if (!_standalone)
            {
                _log.Warn($"`{spec.Name}` input: required value has not been provided: GitLab rejects the include", givenAt ?? spec.Location);
            }
        }
    }

    /// <summary>The type and options checks of GitLab's Inputs classes, on values Keyless knows.</summary>
    private void Check(InputSpec spec, PipelineNode value, string what, SourceLocation at)
    {
        if (value is PipelineScalar { IsUnknown: true })
        {
            return;
        }

        var kind = RubyValue.Of(value);
        var fits = spec.Type switch
        {
            "string" => kind is RubyValue.Kind.String or RubyValue.Kind.Nil,
            "number" => kind is RubyValue.Kind.Integer or RubyValue.Kind.Float,
            "boolean" => kind is RubyValue.Kind.Boolean,
            "array" => kind is RubyValue.Kind.Array,
            _ => true,
        };
        if (!fits)
        {
            _log.Warn($"`{spec.Name}` input: {what} is not a {spec.Type}: GitLab rejects it", at);
        }
        else if (spec.Options is { } options && value is PipelineScalar scalar
            && !options.Items.OfType<PipelineScalar>().Any(o => RubyValue.ToS(o) == RubyValue.ToS(scalar)))
        {
            _log.Warn($"`{spec.Name}` input: `{scalar.Value}` cannot be used because it is not in the list of allowed options: GitLab rejects it", at);
        }
    }

    private PipelineNode Walk(PipelineNode node)
    {
        if (_done.TryGetValue(node, out var done))
        {
            return done;
        }

        // The tree is bounded by the loader's depth, and values put in are not walked again: bounded recursion.
        PipelineNode result = node switch
        {
            PipelineScalar scalar => Interpolate(scalar),
            PipelineSequence sequence => Rebuild(sequence),
            PipelineMapping mapping => Rebuild(mapping),
            _ => node,
        };
        _done[node] = result;
        return result;
    }

    private PipelineSequence Rebuild(PipelineSequence sequence)
    {
        var items = sequence.Items.Select(Walk).ToList();
        return items.Where((item, i) => !ReferenceEquals(item, sequence.Items[i])).Any()
            ? new PipelineSequence(items, sequence.Location, sequence.Tag)
            : sequence;
    }

    private PipelineMapping Rebuild(PipelineMapping mapping)
    {
        // A key can change too; two keys that become one keep the first place and the last value, as a Ruby hash.
        var entries = new List<PipelineEntry>(mapping.Entries.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var changed = false;
        foreach (var entry in mapping.Entries)
        {
            var key = Interpolate(entry.Key) as PipelineScalar ?? entry.Key;
            var value = Walk(entry.Value);
            var rebuilt = ReferenceEquals(key, entry.Key) && ReferenceEquals(value, entry.Value) ? entry : new PipelineEntry(key, value);
            changed |= !ReferenceEquals(rebuilt, entry);
            if (index.TryGetValue(rebuilt.Name, out var at))
            {
                entries[at] = rebuilt;
                changed = true;
            }
            else
            {
                index[rebuilt.Name] = entries.Count;
                entries.Add(rebuilt);
            }
        }

        return changed ? new PipelineMapping(entries, mapping.Location, mapping.Tag) : mapping;
    }

    private PipelineNode Interpolate(PipelineScalar scalar)
    {
        var blocks = InterpolationBlock.Find(scalar.Value);
        if (blocks.Count == 0)
        {
            return scalar;
        }

        _blocks += blocks.Count;
        if (_blocks > MaxBlocks)
        {
            _log.Warn($"more than {MaxBlocks} interpolation blocks: GitLab rejects the file", scalar.Location);
            return Unknown(scalar, ["interpolation (too many blocks)"]);
        }

        var values = blocks.Select(block => Evaluate(block, scalar)).ToList();
        if (blocks.Count == 1 && blocks[0].Length == scalar.Value.Length)
        {
            return values[0] switch
            {
                null => Unknown(scalar, UnknownOf(blocks[0])),
                PipelineScalar value => new PipelineScalar(value.Value, value.Style, scalar.Location, scalar.Tag, value.Unresolved),
                var value => value,
            };
        }

        var text = new StringBuilder(scalar.Value.Length);
        var unknown = new List<string>(scalar.Unresolved);
        var from = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            text.Append(scalar.Value, from, block.Start - from);
            if (values[i] is { } value)
            {
                text.Append(RubyValue.ToS(value));
                unknown.AddRange((value as PipelineScalar)?.Unresolved ?? []);
            }
            else
            {
                text.Append(scalar.Value, block.Start, block.Length);
                unknown.AddRange(UnknownOf(block));
            }

            from = block.Start + block.Length;
        }

        text.Append(scalar.Value, from, scalar.Value.Length - from);
        return new PipelineScalar(text.ToString(), scalar.Style, scalar.Location, scalar.Tag, unknown.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The block's value, or null when it is not known here (no value, or an error GitLab would report).</summary>
    private PipelineNode? Evaluate(InterpolationBlock block, PipelineScalar at)
    {
        var parts = block.Data.Split('|').Select(p => p.Trim()).ToList();
        var path = parts[0].Split('.', 5);
        string? error = null;
        if (path.Length <= 1)
        {
            error = "invalid interpolation access pattern";
        }
        else if (path[0] == "matrix")
        {
            // Parallel matrix values are filled in later, per job; GitLab leaves these blocks alone here.
            return new PipelineScalar(at.Value.Substring(block.Start, block.Length), ScalarStyle.SingleQuoted, at.Location);
        }
        else if (path[0] != "inputs" || !_specs.ContainsKey(path[1]) || path.Length > 2)
        {
            error = $"unknown interpolation key: `{(path[0] != "inputs" ? path[0] : path[^1])}`";
        }
        else if (parts.Count - 1 > InterpolationFunction.MaxFunctions)
        {
            error = "too many functions in interpolation block";
        }

        if (error is not null)
        {
            _log.Warn($"interpolation: {error} in `{at.Value.Substring(block.Start, block.Length)}`: GitLab rejects the file", at.Location);
            return null;
        }

        if (!_values.TryGetValue(path[1], out var value))
        {
            if (_standalone && _noted.Add(path[1]))
            {
                _log.Note(
                    $"input '{path[1]}' has no default and no value is given here: what uses it is read as unknown (neither a gate nor a pass)",
                    at.Location);
            }

            return null;
        }

        foreach (var function in parts.Skip(1))
        {
            if (value is PipelineScalar { IsUnknown: true })
            {
                // A function of an unknown value is unknown too.
                return null;
            }

            value = InterpolationFunction.Apply(function, value, at.Location, out error);
            if (value is null)
            {
                _log.Warn($"interpolation: {error}: GitLab rejects the file", at.Location);
                return null;
            }
        }

        return value;
    }

    /// <summary>What a block that could not be filled in depends on, named for people.</summary>
    private List<string> UnknownOf(InterpolationBlock block)
    {
        var name = block.Data.Split('|')[0].Trim().Split('.') is [_, var input, ..] ? input : block.Data;
        return _values.TryGetValue(name, out var value) && value is PipelineScalar { IsUnknown: true } outer
            ? [.. outer.Unresolved]
            : [$"input '{name}'"];
    }

    private static PipelineScalar Unknown(PipelineScalar scalar, IReadOnlyList<string> inputs) =>
        new(scalar.Value, scalar.Style, scalar.Location, scalar.Tag, inputs.Concat(scalar.Unresolved).Distinct(StringComparer.Ordinal).ToList());
}
