using System.Globalization;

namespace Keyless.Compare;

/// <summary>
/// audit 1x vs 10x: bench/gen-corpus/gen_corpus.py writes an org-scale trust corpus (same seed) at 1x and 10x, and
/// <c>keyless audit DIR --format json</c> runs on each as a user runs it. The figure is the 10x wall time over the
/// 1x wall time: 10 is linear, and the goal allows 12.
/// </summary>
public static class AuditSection
{
    public static async Task RunAsync(CompareOptions options, Report report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        var generator = Path.Combine(options.RepoRoot, "bench", "gen-corpus", "gen_corpus.py");
        var teams = options.Quick ? 5 : 40;
        var times = new Dictionary<int, TimeSpan>();
        foreach (var scale in new[] { 1, 10 })
        {
            var corpus = Path.Combine(options.WorkDirectory, $"audit-x{scale}");
            var generated = await Processes.RunAsync("python3", [generator, corpus, "--teams", (teams * scale).ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);
            if (generated.ExitCode != 0)
            {
                throw new InvalidOperationException("gen_corpus.py failed: " + generated.StdErr);
            }

            // Exit 1 means findings at or above --fail-on, which a corpus of loose conditions is meant to have.
            var (median, _) = await Processes.TimedAsync(options, options.Keyless, ["audit", corpus, "--format", "json"], options.RepoRoot, r => r.ExitCode is 0 or 1).ConfigureAwait(false);
            times[scale] = median;
            report.Add(new Row($"audit {teams * scale * 10} providers + {teams * scale * 10} FICs", "keyless audit", median.TotalMilliseconds, "ms", $"{scale}x corpus"));
        }

        report.Summary("overhead audit 10x corpus", times[10] / times[1]);
    }
}
