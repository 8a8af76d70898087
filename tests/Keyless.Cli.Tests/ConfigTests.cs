using System.Text.Json.Nodes;
using Keyless.Cli.Infrastructure;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>
/// <c>.keyless.yml</c> and <c>--config</c> end to end: severity overrides, fail-on, ignores with reasons and expiry
/// (an expired one is a finding), found upward from the inputs; bad config is exit 2 naming file, line and key; and
/// <c># keyless: ignore[rule] reason</c> comments in a pipeline.
/// </summary>
public sealed class ConfigTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("keyless-config-").FullName;

    public ConfigTests()
    {
        // The estate: the pool-wide example (one identity, five persona findings on the provider, one on the binding).
        var trust = Path.Combine(_root, "infra", "trust");
        Directory.CreateDirectory(trust);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Examples, "gcp-vulnerable-pool-wide")))
        {
            File.Copy(file, Path.Combine(trust, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<KeylessRun> AuditAsync(params string[] options) =>
        KeylessProcess.RunAsync(["audit", "infra/trust", "--format", "json", "--group-by", "identity", .. options], workingDirectory: _root);

    private void Config(string yaml) => File.WriteAllText(Path.Combine(_root, ".keyless.yml"), yaml);

    private static string[] Ids(KeylessRun run) =>
        JsonNode.Parse(run.StdOut)!["findings"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Ignores_severities_and_fail_on_of_the_config_found_above_the_inputs_apply()
    {
        var before = Ids(await AuditAsync());
        Assert.Contains("anyone-can-assume", before);
        Config("""
            fail-on: critical
            rules:
              developer-tag-can-assume:
                severity: low
            ignore:
              - rule: anyone-can-assume
                path: infra/**
                reason: sandbox pool, no data (SEC-1)
              - persona: fork-contributor
                reason: forks cannot run pipelines here
                expires: 2999-12-31
            """);
        var run = await AuditAsync();
        var findings = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray();
        Assert.DoesNotContain("anyone-can-assume", Ids(run));
        Assert.DoesNotContain("fork-contributor-can-assume", Ids(run));
        Assert.Equal(before.Length - 2, findings.Count);
        Assert.Equal("low", findings.Single(f => f!["id"]!.GetValue<string>() == "developer-tag-can-assume")!["severity"]!.GetValue<string>());
        Assert.Contains($"config {Path.Combine(_root, ".keyless.yml")}: 2 ignored.", run.StdErr, StringComparison.Ordinal);

        // fail-on critical: the high findings left do not fail the run; --fail-on on the command line wins.
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, (await AuditAsync("--fail-on", "high")).ExitCode);
    }

    [Fact]
    public async Task An_expired_ignore_no_longer_applies_and_is_a_finding_at_its_line()
    {
        Config("""
            ignore:
              - rule: anyone-can-assume
                reason: accepted until the migration
                expires: 2001-01-31
            """);
        var run = await AuditAsync();
        var findings = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray();
        Assert.Contains("anyone-can-assume", Ids(run));
        var expired = findings.Single(f => f!["id"]!.GetValue<string>() == "expired-ignore")!;
        Assert.Equal(".keyless.yml", expired["location"]!["file"]!.GetValue<string>());
        Assert.Equal(2, expired["location"]!["line"]!.GetValue<int>());
        Assert.Contains("expired on 2001-01-31", expired["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("accepted until the migration", expired["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_given_with_the_option_wins_and_a_missing_one_exits_2()
    {
        var other = Path.Combine(_root, "other.yml");
        File.WriteAllText(other, "ignore:\n  - identity: deployer@acme-prod.iam.gserviceaccount.com\n    reason: break-glass account\n");
        Config("fail-on: info\n");
        var run = await AuditAsync("--config", other);
        Assert.Empty(JsonNode.Parse(run.StdOut)!["findings"]!.AsArray());
        Assert.Equal(0, run.ExitCode);

        var missing = await AuditAsync("--config", "nowhere.yml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--config: 'nowhere.yml' does not exist", missing.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules:\n  developer-tag-can-asume:\n    severity: low\n", ":2:3: rules: unknown rule id 'developer-tag-can-asume'")]
    [InlineData("ignore:\n  - rule: anyone-can-assume\n    reason: x\n    expires: 2027-02-30\n", ":4:14: ignore[0].expires: '2027-02-30' is not a date like 2027-01-31")]
    [InlineData("ignore:\n  - rule: anyone-can-assume\n    reasn: typo\n", ":3:5: ignore[0].reasn: unknown key (expected one of rule, identity, path, persona, reason, expires)")]
    [InlineData("ignore:\n  - rule: anyone-can-assume\n", ":2:5: ignore[0].reason: an ignore needs a reason")]
    [InlineData("fail-on: severe\n", ":1:10: fail-on: 'severe' is not one of info, low, medium, high, critical")]
    [InlineData("gitlab:\n  version: nineteen\n", ":2:12: gitlab.version: 'nineteen' is not a version like 18.4")]
    public async Task Bad_config_exits_2_naming_the_file_line_and_key(string yaml, string expected)
    {
        Config(yaml);
        var run = await AuditAsync();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(Path.Combine(_root, ".keyless.yml") + expected, run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }

    [Fact]
    public async Task An_inline_ignore_with_a_reason_drops_the_finding_on_its_line_and_one_without_is_not_obeyed()
    {
        var pipeline = Path.Combine(_root, ".gitlab-ci.yml");
        File.WriteAllText(pipeline, """
            debug:
              id_tokens:
                ID_TOKEN:
                  aud: https://vault.example.com
              script:
                # keyless: ignore[token-printed] the job runs only in a private sandbox log
                - echo "$ID_TOKEN"
                - echo "$ID_TOKEN" | base64 # keyless: ignore[token-printed]
                - printenv
            """);
        var run = await KeylessProcess.RunAsync(["lint", ".gitlab-ci.yml", "--format", "json"], workingDirectory: _root);
        var lines = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray()
            .Where(f => f!["id"]!.GetValue<string>() == "token-printed")
            .Select(f => f!["location"]!["line"]!.GetValue<int>())
            .ToArray();
        Assert.Equal([8, 9], lines);
        Assert.Contains("1 ignored by # keyless: ignore comments.", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(".gitlab-ci.yml:8: the ignore has no reason, so it is not obeyed", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_schema_accepts_the_example_and_names_every_rule_id()
    {
        var schema = Path.Combine(RepoPaths.Root, "schemas", "keyless-config.schema.json");
        var ids = JsonNode.Parse(File.ReadAllText(schema))!["definitions"]!["rule"]!["enum"]!.AsArray().Select(i => i!.GetValue<string>());
        Assert.Equal(KnownRules.Ids.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));

        // The example is what docs/config.md shows, and keyless reads it as the schema does.
        var example = Path.Combine(RepoPaths.Root, "schemas", "keyless-config.example.yml");
        var read = await KeylessProcess.RunAsync(["audit", "infra/trust", "--config", example, "--format", "json"], workingDirectory: _root);
        Assert.Contains($"config {example}: 0 ignored.", read.StdErr, StringComparison.Ordinal);
        await JsonSchemaCheck.AssertValidFilesAsync(schema, [example]);
        Config("rules:\n  not-a-rule:\n    severity: low\n");
        Assert.Equal(1, (await JsonSchemaCheck.RunAsync(schema, [Path.Combine(_root, ".keyless.yml")])).ExitCode);
    }
}
