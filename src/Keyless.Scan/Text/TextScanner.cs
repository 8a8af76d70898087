using Keyless.Scan.Detectors;

namespace Keyless.Scan.Text;

/// <summary>A secret match with the detector that found it.</summary>
internal readonly record struct DetectedSecret(Detector Detector, SecretMatch Match);

/// <summary>
/// Runs the content detectors over a text: keyword prefilter, then each detector, then once more over every base64
/// run that decodes to text (one level, so the cost stays linear), then drops what a higher-priority detector
/// already reported at the same place.
/// </summary>
internal static class TextScanner
{
    public static List<DetectedSecret> Scan(IReadOnlyList<Detector> detectors, ScanText text)
    {
        var found = ScanOnce(detectors, text);
        foreach (var run in Base64Runs.Find(text.Text))
        {
            foreach (var inner in ScanOnce(detectors, text with { Text = run.Text }))
            {
                found.Add(inner with
                {
                    Match = inner.Match with { Start = run.Start, Length = run.Length, Base64Encoded = true },
                });
            }
        }

        return Deduplicate(detectors, found, text.Text.Length);
    }

    private static List<DetectedSecret> ScanOnce(IReadOnlyList<Detector> detectors, ScanText text)
    {
        var found = new List<DetectedSecret>();
        var matches = new List<SecretMatch>();
        foreach (var detector in detectors)
        {
            if (detector.Keywords.Count == 0 || !detector.Keywords.Any(k => Mentions(text, k)))
            {
                continue;
            }

            matches.Clear();
            detector.Find(text, matches);
            found.AddRange(matches.Select(m => new DetectedSecret(detector, m)));
        }

        return found;
    }

    private static bool Mentions(ScanText text, string keyword) =>
        text.Text.Contains(keyword, StringComparison.OrdinalIgnoreCase)
        || (text.VariableName?.Contains(keyword, StringComparison.OrdinalIgnoreCase) ?? false);

    // Priority is registry order. A character covered by a kept match of an earlier detector hides later ones
    // there; the same detector may report several secrets in one base64 run.
    private static List<DetectedSecret> Deduplicate(IReadOnlyList<Detector> detectors, List<DetectedSecret> found, int length)
    {
        if (found.Count < 2)
        {
            return found;
        }

        var covered = new System.Collections.BitArray(length);
        var kept = new List<DetectedSecret>(found.Count);
        foreach (var detector in detectors)
        {
            var mine = found.Where(f => ReferenceEquals(f.Detector, detector)).ToList();
            var keptNow = mine.Where(f => !Overlaps(covered, f.Match)).ToList();
            foreach (var keep in keptNow)
            {
                for (var i = keep.Match.Start; i < keep.Match.End && i < length; i++)
                {
                    covered[i] = true;
                }
            }

            kept.AddRange(keptNow);
        }

        return kept
            .DistinctBy(k => (k.Detector, k.Match.Secret, k.Match.Start))
            .OrderBy(k => k.Match.Start)
            .ToList();
    }

    private static bool Overlaps(System.Collections.BitArray covered, SecretMatch match)
    {
        for (var i = match.Start; i < match.End && i < covered.Length; i++)
        {
            if (covered[i])
            {
                return true;
            }
        }

        return false;
    }
}
