using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// <c>--baseline report.json</c>: keeps the findings whose stable fingerprint (rule, file, JSON path, identity,
/// message; no line, so moved code still matches) is not in an earlier JSON report, and counts what it suppressed
/// and which baseline entries no longer occur (fixed, or moved out of reach).
/// </summary>
public static class Baseline
{
    public sealed record Result(IReadOnlyList<Finding> New, int Suppressed, int Gone);

    /// <param name="findings">This run's findings.</param>
    /// <param name="baseline">The findings of the baseline report, as written (files already relative).</param>
    /// <param name="baseDirectory">This run's report base, so its files are spelled as the baseline's are.</param>
    public static Result Apply(IReadOnlyList<Finding> findings, IReadOnlyList<Finding> baseline, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(baseline);

        // Fingerprints number repeats (x, x-2, …), so a baseline with one copy of a finding suppresses only one.
        var old = new HashSet<string>(FindingFingerprints.For(baseline, baseDirectory: null), StringComparer.Ordinal);
        var current = FindingFingerprints.For(findings, baseDirectory);
        var kept = new List<Finding>();
        var matched = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            if (old.Contains(current[i]))
            {
                matched++;
            }
            else
            {
                kept.Add(findings[i]);
            }
        }

        return new Result(kept, matched, old.Count - matched);
    }
}
