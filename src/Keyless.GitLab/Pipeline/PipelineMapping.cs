using System.Diagnostics.CodeAnalysis;

namespace Keyless.GitLab.Pipeline;

/// <summary>A YAML mapping with string keys, in the order they were written (GitLab keeps Ruby's hash order).</summary>
public sealed class PipelineMapping : PipelineNode
{
    private readonly Dictionary<string, PipelineEntry> _byName;

    public PipelineMapping(IReadOnlyList<PipelineEntry> entries, SourceLocation location, string? tag = null)
        : base(location, tag)
    {
        Entries = entries;
        _byName = new Dictionary<string, PipelineEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _byName[entry.Name] = entry;
        }
    }

    public IReadOnlyList<PipelineEntry> Entries { get; }

    public PipelineNode? this[string key] => _byName.TryGetValue(key, out var entry) ? entry.Value : null;

    public bool ContainsKey(string key) => _byName.ContainsKey(key);

    public bool TryGetEntry(string key, [NotNullWhen(true)] out PipelineEntry? entry) => _byName.TryGetValue(key, out entry);

    public PipelineMapping? GetMapping(string key) => this[key] as PipelineMapping;

    public PipelineSequence? GetSequence(string key) => this[key] as PipelineSequence;

    /// <summary>The scalar at <paramref name="key"/>, or null when it is absent, not a scalar, or a YAML null.</summary>
    public PipelineScalar? GetScalar(string key) => this[key] is PipelineScalar { IsNull: false } scalar ? scalar : null;

    /// <summary>A copy with <paramref name="replacement"/>'s key set (kept in place when present, appended otherwise).</summary>
    public PipelineMapping With(PipelineEntry replacement)
    {
        var entries = new List<PipelineEntry>(Entries.Count + 1);
        var replaced = false;
        foreach (var entry in Entries)
        {
            if (entry.Name == replacement.Name)
            {
                entries.Add(replacement);
                replaced = true;
            }
            else
            {
                entries.Add(entry);
            }
        }

        if (!replaced)
        {
            entries.Add(replacement);
        }

        return new PipelineMapping(entries, Location, Tag);
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public PipelineMapping Without(string key) =>
        ContainsKey(key) ? new PipelineMapping(Entries.Where(e => e.Name != key).ToList(), Location, Tag) : this;
}
