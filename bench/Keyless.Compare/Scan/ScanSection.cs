using System.Text.Json.Nodes;

namespace Keyless.Compare.Scan;

/// <summary>
/// scan: <c>keyless scan DIR --format json</c> against <c>secretlint "DIR/**/*" --format json</c> with the
/// recommended preset, each as the command a user runs (start-up included), on the same generated corpus. Every
/// planted key must be reported by Keyless with the right detector; what secretlint finds is reported beside it.
/// </summary>
public static class ScanSection
{
    public static async Task RunAsync(CompareOptions options, Report report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        var corpus = Path.Combine(options.WorkDirectory, "scan-corpus");
        var planted = ScanCorpus.Write(corpus, options.ScanFiles);
        var bytes = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var label = $"scan {options.ScanFiles} files {bytes / (1024.0 * 1024.0):0.0} MB";

        string[] keylessArgs = ["scan", corpus, "--format", "json", "--fail-on", "critical"];
        var keyless = await Processes.TimedAsync(options, options.Keyless, keylessArgs, options.RepoRoot, r => r.ExitCode == 0).ConfigureAwait(false);
        var keylessFound = KeylessFound(keyless.Last.StdOut, corpus);
        var missed = planted.Where(p => !keylessFound.Contains((p.RelativePath, p.DetectorId))).ToArray();
        if (missed.Length > 0)
        {
            throw new InvalidOperationException($"keyless scan missed {missed.Length} planted key(s): {string.Join(", ", missed.Select(m => m.RelativePath + " " + m.DetectorId))}");
        }

        var secretlintBin = Path.Combine(options.NpmDirectory, "node_modules", ".bin", "secretlint");
        string[] secretlintArgs = [secretlintBin, corpus + "/**/*", "--format", "json", "--secretlintrc", Path.Combine(options.NpmDirectory, ".secretlintrc.json"), "--no-color"];
        var secretlint = await Processes.TimedAsync(options, "node", secretlintArgs, options.NpmDirectory, r => r.ExitCode is 0 or 1).ConfigureAwait(false);
        var secretlintFiles = SecretlintFiles(secretlint.Last.StdOut, corpus);
        var secretlintHits = planted.Count(p => secretlintFiles.Contains(p.RelativePath));

        report.Add(new Row(label, "keyless scan", keyless.Median.TotalMilliseconds, "ms", $"{planted.Count}/{planted.Count} planted keys found"));
        report.Add(new Row(label, "secretlint 13.0.6 (preset-recommend)", secretlint.Median.TotalMilliseconds, "ms",
            $"{secretlintHits}/{planted.Count} planted keys found; {Report.Format(secretlint.Median / keyless.Median)}x Keyless"));
        report.Summary("speedup scan vs secretlint", secretlint.Median / keyless.Median);
    }

    private static HashSet<(string, string)> KeylessFound(string json, string corpus) =>
        JsonNode.Parse(json)!["findings"]!.AsArray()
            .Select(f => (Relative(f!["location"]!["file"]!.GetValue<string>(), corpus), f["id"]!.GetValue<string>()))
            .ToHashSet();

    private static HashSet<string> SecretlintFiles(string json, string corpus) =>
        JsonNode.Parse(json)!.AsArray()
            .Where(r => r!["messages"]!.AsArray().Count > 0)
            .Select(r => Relative(r!["filePath"]!.GetValue<string>(), corpus))
            .ToHashSet(StringComparer.Ordinal);

    private static string Relative(string file, string corpus) =>
        Path.GetRelativePath(corpus, Path.GetFullPath(file, corpus)).Replace('\\', '/');
}
