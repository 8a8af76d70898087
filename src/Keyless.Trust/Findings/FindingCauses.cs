namespace Keyless.Trust.Findings;

/// <summary>
/// Groups per-identity findings by root cause: the resource their fix edits, which every finding already names in
/// its location (the provider or credential file and JSON path, or the line when there is no path). Each finding
/// belongs to exactly one cause. Linear: one pass with a dictionary, then one sort of the causes.
/// </summary>
public static class FindingCauses
{
    public static IReadOnlyList<FindingCause> Group(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var groups = new Dictionary<(string File, string Place), (List<Finding> Findings, List<int> Indexes)>();
        var order = new List<(string File, string Place)>();
        for (var i = 0; i < findings.Count; i++)
        {
            var key = KeyOf(findings[i].Location);
            if (!groups.TryGetValue(key, out var group))
            {
                group = ([], []);
                groups[key] = group;
                order.Add(key);
            }

            group.Findings.Add(findings[i]);
            group.Indexes.Add(i);
        }

        // Worst first; among equals, the cause that exposes more identities; then first seen, so the order is stable.
        var ranked = order
            .Select((key, seen) => (Key: key, Seen: seen, Group: groups[key]))
            .Select(g => (g.Seen, g.Group, Severity: g.Group.Findings.Max(f => f.Severity),
                          Identities: g.Group.Findings.Select(f => f.Identity).OfType<string>().Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(g => g.Severity)
            .ThenByDescending(g => g.Identities)
            .ThenBy(g => g.Seen)
            .ToArray();

        var causes = new FindingCause[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            var first = ranked[i].Group.Findings[0].Location;
            var line = ranked[i].Group.Findings.Select(f => f.Location.Line).FirstOrDefault(l => l is not null);
            causes[i] = new FindingCause(i, first.File, line, first.Path, ranked[i].Group.Findings, ranked[i].Group.Indexes);
        }

        return causes;
    }

    /// <summary>The cause that closes the most identities (then the worst, then the first): the fix to do first.</summary>
    public static FindingCause? Widest(IReadOnlyList<FindingCause> causes)
    {
        ArgumentNullException.ThrowIfNull(causes);
        FindingCause? best = null;
        foreach (var cause in causes)
        {
            if (best is null || (cause.Identities.Count, cause.Severity).CompareTo((best.Identities.Count, best.Severity)) > 0)
            {
                best = cause;
            }
        }

        return best;
    }

    // A JSON path names the resource inside a file; without one, a line does (pipelines, HCL).
    private static (string File, string Place) KeyOf(FindingLocation location) =>
        (location.File, location.Path is { Length: > 0 } path ? path : location.Line is { } line ? "#" + line : string.Empty);
}
