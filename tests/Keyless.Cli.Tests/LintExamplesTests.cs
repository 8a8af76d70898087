using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>The pipelines Keyless ships as examples are the ones its own lint holds up: no finding at all.</summary>
public sealed class LintExamplesTests
{
    [Theory]
    [InlineData("examples/gitlab-ci/gcp.gitlab-ci.yml")]
    [InlineData("examples/gitlab-ci/azure.gitlab-ci.yml")]
    public async Task The_example_pipelines_lint_clean_against_their_trust(string pipeline)
    {
        var run = await KeylessProcess.RunAsync(
            "lint", Path.Combine(RepoPaths.Root, pipeline), "--trust", Path.Combine(RepoPaths.Root, "examples/gitlab-ci/trust.json"),
            "--format", "json", "--fail-on", "info");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StdOut}\n{run.StdErr}");
        Assert.Empty(JsonNode.Parse(run.StdOut)!["findings"]!.AsArray());
    }
}
