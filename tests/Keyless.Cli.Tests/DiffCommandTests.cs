using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

public sealed class DiffCommandTests
{
    private static string Case(string name) => Path.Combine(RepoPaths.Root, "tests", "audit-cases", name, "trust");

    [Fact]
    public async Task A_widening_exits_1_with_witnesses()
    {
        var run = await KeylessProcess.RunAsync("diff", Case("path-reclaimer-path-subject"), Case("developer-branch-any-branch"), "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var findings = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.NotNull(f!["witness"]));
    }

    [Fact]
    public async Task A_narrowing_exits_0_and_the_option_form_works()
    {
        var run = await KeylessProcess.RunAsync("diff", "--old", Case("developer-branch-any-branch"), "--new", Case("path-reclaimer-path-subject"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no findings", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_new_trust_is_bad_usage()
    {
        var run = await KeylessProcess.RunAsync("diff", Case("developer-branch-any-branch"));
        Assert.Equal(2, run.ExitCode);
    }
}
