namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Rails' <c>Hash#deep_merge</c>, which GitLab uses for <c>include:</c> and <c>extends:</c>: mappings merge key by key,
/// anything else (lists included: <c>script</c>, <c>rules</c>) is replaced by the overlay's value.
/// </summary>
internal static class DeepMerge
{
    public static PipelineMapping Merge(PipelineMapping baseMapping, PipelineMapping overlay)
    {
        var entries = new List<PipelineEntry>(baseMapping.Entries.Count + overlay.Entries.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in baseMapping.Entries)
        {
            index[entry.Name] = entries.Count;
            entries.Add(entry);
        }

        foreach (var entry in overlay.Entries)
        {
            if (!index.TryGetValue(entry.Name, out var at))
            {
                index[entry.Name] = entries.Count;
                entries.Add(entry);
                continue;
            }

            // The key keeps the overlay's place: that is the line that decides the value now.
            entries[at] = entries[at].Value is PipelineMapping baseValue && entry.Value is PipelineMapping overlayValue
                ? entry with { Value = Merge(baseValue, overlayValue) }
                : entry;
        }

        return new PipelineMapping(entries, overlay.Location, overlay.Tag);
    }
}
