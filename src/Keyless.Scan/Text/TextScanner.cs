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
    public static List<DetectedSecret> Scan(KeywordPrefilter prefilter, ScanText text)
    {
        var detectors = prefilter.Detectors;
        var found = ScanOnce(prefilter, text);
        foreach (var run in Base64Runs.Find(text.Text))
        {
            foreach (var inner in ScanOnce(prefilter, text with { Text = run.Text }))
            {
                found.Add(inner with
                {
                    Match = inner.Match with { Start = run.Start, Length = run.Length, Base64Encoded = true },
                });
            }
        }

        return Deduplicate(detectors, found, text.Text.Length);
    }

    private static List<DetectedSecret> ScanOnce(KeywordPrefilter prefilter, ScanText text)
    {
        var detectors = prefilter.Detectors;
        var found = new List<DetectedSecret>();
        Span<bool> mentioned = detectors.Count <= 64 ? stackalloc bool[detectors.Count] : new bool[detectors.Count];
        prefilter.Mark(text, mentioned);
        if (!mentioned.Contains(true))
        {
            return found;
        }

        var matches = new List<SecretMatch>();
        for (var d = 0; d < detectors.Count; d++)
        {
            if (!mentioned[d])
            {
                continue;
            }

            var detector = detectors[d];
            matches.Clear();
            detector.Find(text, matches);
            found.AddRange(matches.Select(m => new DetectedSecret(detector, m)));
        }

        return found;
    }

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
