using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary><c>--baseline report.json</c>: only what is new is reported, with counts of the suppressed and the gone.</summary>
public sealed class BaselineTests
{
    [Fact]
    public async Task Only_findings_missing_from_the_baseline_are_reported_and_the_counts_are_said()
    {
        Assert.SkipUnless(GeneratedEstate.Python is not null, "python3 is not installed (it runs bench/gen-corpus/gen_corpus.py)");
        using var estate = GeneratedEstate.Create(teams: 2);
        var full = JsonNode.Parse((await KeylessProcess.RunAsync(["audit", "estate", "--format", "json"], workingDirectory: estate.Folder)).StdOut)!;
        var findings = full["findings"]!.AsArray();
        var total = findings.Count;

        // The baseline lacks the first three findings (new since) and holds one that no longer occurs (fixed since).
        var baseline = new JsonObject
        {
            ["version"] = 1,
            ["findings"] = new JsonArray(findings.Skip(3).Select(f => f!.DeepClone()).Append(Fixed(findings[0]!)).ToArray()),
        };
        await File.WriteAllTextAsync(Path.Combine(estate.Folder, "baseline.json"), baseline.ToJsonString(), TestContext.Current.CancellationToken);

        var run = await KeylessProcess.RunAsync(["audit", "estate", "--format", "json", "--group-by", "identity", "--baseline", "baseline.json"], workingDirectory: estate.Folder);
        var reported = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray();
        Assert.Equal(findings.Take(3).Select(f => f!.ToJsonString()), reported.Select(f => f!.ToJsonString()));
        Assert.Contains($"baseline baseline.json: 3 new, {total - 3} suppressed, 1 baseline entries gone.", run.StdErr, StringComparison.Ordinal);

        // The exit code follows what is new: with everything in the baseline there is nothing to fail on.
        await File.WriteAllTextAsync(Path.Combine(estate.Folder, "all.json"), full.ToJsonString(), TestContext.Current.CancellationToken);
        var quiet = await KeylessProcess.RunAsync(["audit", "estate", "--baseline", "all.json", "--fail-on", "info"], workingDirectory: estate.Folder);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Contains("no findings", quiet.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_that_is_not_a_report_exits_2_naming_it()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"keyless-baseline-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, "{\"version\": 1, \"findings\": [{\"id\": \"x\"}]}", TestContext.Current.CancellationToken);
        try
        {
            var run = await KeylessProcess.RunAsync("audit", Path.Combine(RepoPaths.Examples, "gcp-vulnerable-pool-wide"), "--baseline", bad);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(bad, run.StdErr, StringComparison.Ordinal);
            Assert.Contains("$.findings[0]", run.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    private static JsonNode Fixed(JsonNode finding)
    {
        var copy = finding.DeepClone();
        copy["identity"] = "removed-since@acme-prod.iam.gserviceaccount.com";
        return copy;
    }
}
