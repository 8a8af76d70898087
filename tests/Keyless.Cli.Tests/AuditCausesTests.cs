using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>
/// <c>keyless audit --group-by cause|identity</c> on a generated estate (bench/gen-corpus): one entry per provider,
/// credential or binding to fix, each per-identity finding in exactly one cause, and JSON carrying both lists.
/// </summary>
public sealed class AuditCausesTests
{
    private static async Task<(GeneratedEstate Estate, KeylessRun Run)> AuditAsync(params string[] options)
    {
        Assert.SkipUnless(GeneratedEstate.Python is not null, "python3 is not installed (it runs bench/gen-corpus/gen_corpus.py)");
        var estate = GeneratedEstate.Create(teams: 3);
        var run = await KeylessProcess.RunAsync(["audit", "estate", .. options], workingDirectory: estate.Folder);
        return (estate, run);
    }

    [Fact]
    public async Task Every_finding_is_in_exactly_one_cause_and_causes_are_fewer()
    {
        var (estate, run) = await AuditAsync("--format", "json");
        using var _ = estate;
        var report = JsonNode.Parse(run.StdOut)!;
        var findings = report["findings"]!.AsArray();
        var causes = report["causes"]!.AsArray();
        Assert.NotEmpty(causes);
        Assert.True(causes.Count < findings.Count, $"{causes.Count} causes for {findings.Count} findings");

        var indexes = causes.SelectMany(c => c!["findings"]!.AsArray().Select(i => i!.GetValue<int>())).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, findings.Count), indexes);
        foreach (var cause in causes)
        {
            // A cause is the resource its findings point at, and lists every identity they expose.
            var members = cause!["findings"]!.AsArray().Select(i => findings[i!.GetValue<int>()]!).ToArray();
            Assert.All(members, f => Assert.True(JsonNode.DeepEquals(cause["location"]!["file"], f["location"]!["file"]) && JsonNode.DeepEquals(cause["location"]!["path"], f["location"]!["path"])));
            Assert.Equal(members.Select(f => f["identity"]?.GetValue<string>()).OfType<string>().Distinct().Order(),
                         cause["identities"]!.AsArray().Select(i => i!.GetValue<string>()).Order());
            var personas = cause["personas"]!.AsArray().Select(p => p!["persona"]!.GetValue<string>()).ToArray();
            Assert.Equal(members.Select(f => f["persona"]?.GetValue<string>()).OfType<string>().Distinct().Order(), personas.Order());
        }
    }

    [Fact]
    public async Task Json_findings_are_the_same_whatever_the_grouping()
    {
        var (estate, byCause) = await AuditAsync("--format", "json");
        using var _ = estate;
        var byIdentity = await KeylessProcess.RunAsync(["audit", "estate", "--format", "json", "--group-by", "identity"], workingDirectory: estate.Folder);
        Assert.Equal(byCause.StdOut, byIdentity.StdOut);
    }

    [Fact]
    public async Task Text_leads_with_the_summary_and_the_fix_that_closes_the_most()
    {
        var (estate, run) = await AuditAsync();
        using var _ = estate;
        var json = JsonNode.Parse((await KeylessProcess.RunAsync(["audit", "estate", "--format", "json"], workingDirectory: estate.Folder)).StdOut)!;
        var lines = run.StdOut.Split('\n');
        var causes = json["causes"]!.AsArray();
        var identities = json["findings"]!.AsArray().Select(f => f!["identity"]?.GetValue<string>()).OfType<string>().Distinct().Count();
        Assert.Matches($@"^{causes.Count} causes \(.+\) of {json["findings"]!.AsArray().Count} findings \(.+\); {identities} identities exposed$", lines[0]);
        var widest = causes.Max(c => c!["identities"]!.AsArray().Count);
        Assert.Matches($@"^Fix first: estate/.+ \([a-z-]+\) closes \d+ findings for {widest} identities\.$", lines[1]);
        Assert.Equal(causes.Count, lines.Count(l => l.StartsWith("estate/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("sarif")]
    [InlineData("gitlab-sast")]
    [InlineData("codequality")]
    public async Task Machine_formats_have_one_result_per_cause_by_default_and_per_finding_by_identity(string format)
    {
        var (estate, run) = await AuditAsync("--format", format);
        using var _ = estate;
        var json = JsonNode.Parse((await KeylessProcess.RunAsync(["audit", "estate", "--format", "json"], workingDirectory: estate.Folder)).StdOut)!;
        var perIdentity = await KeylessProcess.RunAsync(["audit", "estate", "--format", format, "--group-by", "identity"], workingDirectory: estate.Folder);
        Assert.Equal(json["causes"]!.AsArray().Count, Results(run.StdOut, format).Count);
        Assert.Equal(json["findings"]!.AsArray().Count, Results(perIdentity.StdOut, format).Count);
    }

    [Fact]
    public async Task An_unknown_grouping_exits_2()
    {
        var run = await KeylessProcess.RunAsync("audit", Path.Combine(RepoPaths.Examples, "gcp-vulnerable-pool-wide"), "--group-by", "team");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--group-by: 'team' is not one of cause, identity", run.StdErr, StringComparison.Ordinal);
    }

    private static JsonArray Results(string output, string format) => format switch
    {
        "sarif" => JsonNode.Parse(output)!["runs"]![0]!["results"]!.AsArray(),
        "gitlab-sast" => JsonNode.Parse(output)!["vulnerabilities"]!.AsArray(),
        _ => JsonNode.Parse(output)!.AsArray(),
    };
}
