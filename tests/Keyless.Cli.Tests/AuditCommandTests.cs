using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

public sealed class AuditCommandTests
{
    private static string Case(string name) => Path.Combine(RepoPaths.Root, "tests", "audit-cases", name, "trust");

    [Fact]
    public async Task A_critical_finding_exits_1_and_its_witness_is_allowed_by_explain()
    {
        var run = await KeylessProcess.RunAsync("audit", Case("anyone-namespace-prefix"), "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var report = JsonNode.Parse(run.StdOut)!.AsObject();
        Assert.Equal(1, report["version"]!.GetValue<int>());
        var finding = report["findings"]!.AsArray().First(f => f!["id"]!.GetValue<string>() == "anyone-can-assume")!;

        var witness = Path.Combine(Path.GetTempPath(), $"keyless-witness-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(witness, finding["witness"]!.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var explain = await KeylessProcess.RunAsync("explain", "--claims", witness, Case("anyone-namespace-prefix"), "--format", "json");
            var decision = JsonNode.Parse(explain.StdOut)!["decisions"]!.AsArray()
                .Single(d => d!["identity"]!.GetValue<string>() == finding["identity"]!.GetValue<string>())!;
            Assert.Equal("allow", decision["decision"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(witness);
        }
    }

    [Fact]
    public async Task A_known_safe_trust_exits_0_with_no_findings()
    {
        var run = await KeylessProcess.RunAsync("audit", Case("safe-gcp-project-id-protected-main"), "--fail-on", "medium");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no findings", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_reads_like_a_compiler_diagnostic_without_colour_when_piped()
    {
        var run = await KeylessProcess.RunAsync("audit", Case("developer-tag-named-main"));
        Assert.Equal(0, run.ExitCode); // medium is below the default --fail-on high
        Assert.Matches(@"provider-gitlab-com\.gcloud\.json:1: medium\[developer-tag-can-assume\]: ", run.StdOut);
        Assert.DoesNotContain("\u001b[", run.StdOut, StringComparison.Ordinal);
        Assert.Equal(1, (await KeylessProcess.RunAsync("audit", Case("developer-tag-named-main"), "--fail-on", "medium")).ExitCode);
    }

    [Fact]
    public async Task Sarif_carries_the_registry_as_rules()
    {
        var run = await KeylessProcess.RunAsync("audit", Case("fork-contributor-job-project-id"), "--format", "sarif");
        var sarif = JsonNode.Parse(run.StdOut)!;
        Assert.Equal("2.1.0", sarif["version"]!.GetValue<string>());
        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToArray();
        Assert.Contains("fork-contributor-can-assume", rules);
        Assert.Contains("service-account-key-beside-federation", rules);
    }

    [Fact]
    public async Task Code_quality_is_an_array_gitlab_reads()
    {
        var run = await KeylessProcess.RunAsync("audit", Case("pool-wide-principal-set"), "--format", "codequality");
        var item = JsonNode.Parse(run.StdOut)!.AsArray().Single()!;
        Assert.Equal("pool-wide-principal-set", item["check_name"]!.GetValue<string>());
        Assert.Equal("major", item["severity"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(".json", "{ \"attributeCondition\": ", ":")]
    [InlineData(".yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties: !Reference [a]\n", ":5:17: the tag !Reference is no CloudFormation intrinsic")]
    public async Task Bad_input_exits_2_naming_the_file_and_place_without_a_stack_trace(string extension, string text, string place)
    {
        var bad = Path.Combine(Path.GetTempPath(), $"keyless-bad-{Guid.NewGuid():N}{extension}");
        await File.WriteAllTextAsync(bad, text, TestContext.Current.CancellationToken);
        try
        {
            var run = await KeylessProcess.RunAsync("audit", bad);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(Path.GetFileName(bad) + place, run.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task A_bad_gitlab_version_is_bad_usage()
    {
        var run = await KeylessProcess.RunAsync("audit", Case("pool-wide-principal-set"), "--gitlab-version", "nineteen");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--gitlab-version", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_gitlab_url_is_bad_usage()
    {
        var run = await KeylessProcess.RunAsync("audit", Case("pool-wide-principal-set"), "--gitlab-url", "gitlab.example.com");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--gitlab-url", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gitlab_url_is_the_iss_of_the_projects_own_jobs()
    {
        // A hardened credential trusting gitlab.com: with the organisation on its own instance, none of its jobs carry that iss.
        var dir = Path.Combine(RepoPaths.Root, "tests", "redteam-cases", "azure-project-id-subject", "trust");
        var own = await KeylessProcess.RunAsync("audit", dir, "--format", "json");
        var elsewhere = await KeylessProcess.RunAsync("audit", dir, "--format", "json", "--gitlab-url", "https://gitlab.acme.example");

        Assert.DoesNotContain("unreachable-identity", own.StdOut, StringComparison.Ordinal);
        Assert.Contains("unreachable-identity", elsewhere.StdOut, StringComparison.Ordinal);
    }
}
