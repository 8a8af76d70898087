using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>Runs the real <c>keyless lint</c> over the lint fixtures and over pipelines written by the test.</summary>
public sealed class LintCommandTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "Keyless.GitLab.Tests", "Fixtures", "lint");

    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-lint-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(string folder, string file = ".gitlab-ci.yml") => Path.Combine(Fixtures, folder, file);

    private static void AssertNoStackTrace(KeylessRun run) =>
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);

    [Fact]
    public async Task A_clean_pipeline_exits_0_with_no_findings()
    {
        var run = await KeylessProcess.RunAsync("lint", Fixture("clean"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var report = JsonNode.Parse(run.StdOut)!;
        Assert.Equal(1, (int)report["version"]!);
        Assert.Empty(report["findings"]!.AsArray());
    }

    [Fact]
    public async Task Findings_come_as_json_with_rule_file_and_line_and_exit_1()
    {
        var run = await KeylessProcess.RunAsync("lint", Fixture("token-in-artifacts"), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var findings = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray();
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.Equal("token-in-artifacts", (string)f!["id"]!);
            Assert.EndsWith(".gitlab-ci.yml", (string)f["location"]!["file"]!, StringComparison.Ordinal);
            Assert.NotNull(f["location"]!["line"]);
        });
        Assert.Contains(findings, f => (int)f!["location"]!["line"]! == 12);
    }

    [Fact]
    public async Task Fail_on_decides_the_exit_code()
    {
        var high = await KeylessProcess.RunAsync("lint", Fixture("unused-id-token"));
        var low = await KeylessProcess.RunAsync("lint", Fixture("unused-id-token"), "--fail-on", "low");

        Assert.Equal(0, high.ExitCode);
        Assert.Equal(1, low.ExitCode);
        Assert.Contains("low[unused-id-token]", high.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_names_the_place_the_rule_and_the_fix()
    {
        var run = await KeylessProcess.RunAsync("lint", Fixture("ungated-token-job"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(".gitlab-ci.yml:8: medium[ungated-token-job]: job 'no-rules'", run.StdOut, StringComparison.Ordinal);
        Assert.Contains(".gitlab-ci.yml:11: high[ungated-token-job]: job 'merge-requests-too'", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("persona: fork-contributor", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("fix:", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_lists_the_lint_rules()
    {
        var run = await KeylessProcess.RunAsync("lint", Fixture("shared-audience"), "--format", "sarif");

        var sarif = JsonNode.Parse(run.StdOut)!;
        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Contains("shared-audience", rules);
        Assert.Contains("ungated-token-job", rules);
        Assert.Contains(sarif["runs"]![0]!["results"]!.AsArray(), r => (string)r!["ruleId"]! == "shared-audience");
    }

    [Fact]
    public async Task Without_a_file_it_reads_gitlab_ci_yml_in_the_current_folder()
    {
        File.WriteAllText(Path.Combine(_dir, ".gitlab-ci.yml"), "job:\n  id_tokens:\n    T:\n      aud: https://gitlab.com\n  script: [vault write auth/jwt/login jwt=$T]\n");

        var run = await KeylessProcess.RunAsync(["lint", "--format", "json", "--fail-on", "medium"], workingDirectory: _dir);

        Assert.Equal(1, run.ExitCode);
        var ids = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray().Select(f => (string)f!["id"]!).ToList();
        Assert.Contains("instance-url-audience", ids);
        Assert.Contains("ungated-token-job", ids);
    }

    [Fact]
    public async Task Local_includes_are_followed_and_findings_point_into_them()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "ci"));
        File.WriteAllText(Path.Combine(_dir, "ci", "deploy.yml"), ".deploy:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n");
        File.WriteAllText(Path.Combine(_dir, "pipeline.yml"), "include: ci/deploy.yml\njob:\n  extends: .deploy\n  rules: [{if: $CI_COMMIT_REF_PROTECTED == \"true\"}]\n  script: [vault write auth/jwt/login jwt=$T]\n");

        var run = await KeylessProcess.RunAsync(["lint", "pipeline.yml", "--format", "json"], workingDirectory: _dir);

        var finding = Assert.Single(JsonNode.Parse(run.StdOut)!["findings"]!.AsArray());
        Assert.Equal("instance-url-audience", (string)finding!["id"]!);
        Assert.Equal("ci/deploy.yml", (string)finding["location"]!["file"]!);
        Assert.Equal(4, (int)finding["location"]!["line"]!);
    }

    [Fact]
    public async Task Malformed_yaml_exits_2_with_file_line_and_column()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.yml"), "job:\n  script: [echo, \n  other: x\n");

        var run = await KeylessProcess.RunAsync(["lint", "bad.yml"], workingDirectory: _dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"bad\.yml:\d+:\d+: invalid YAML", run.StdErr);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var run = await KeylessProcess.RunAsync(["lint"], workingDirectory: _dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".gitlab-ci.yml", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("not found", run.StdErr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task A_missing_local_include_exits_2_at_the_include()
    {
        File.WriteAllText(Path.Combine(_dir, ".gitlab-ci.yml"), "include:\n  - local: nope.yml\n");

        var run = await KeylessProcess.RunAsync(["lint"], workingDirectory: _dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".gitlab-ci.yml:2:", run.StdErr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task An_unknown_format_is_bad_usage()
    {
        var run = await KeylessProcess.RunAsync("lint", Fixture("clean"), "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Extends_cycles_are_warnings_on_stderr_and_the_lint_goes_on()
    {
        File.WriteAllText(Path.Combine(_dir, ".gitlab-ci.yml"), ".a: {extends: .b}\n.b: {extends: .a}\njob: {extends: .a, script: [make]}\n");

        var run = await KeylessProcess.RunAsync(["lint"], workingDirectory: _dir);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning:", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("circular dependency", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_written_into_the_pipeline_never_reaches_the_output()
    {
        // A JWT-shaped value generated for this run, pasted where a careless pipeline would put it.
        var jwt = string.Join('.', Enumerable.Range(0, 3).Select(_ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_')));
        File.WriteAllText(Path.Combine(_dir, ".gitlab-ci.yml"), $"""
            job:
              id_tokens:
                T:
                  aud: https://vault.example.com
              variables:
                PASTED: "{jwt}"
              script:
                - echo "$T" | base64
                - echo "$PASTED" > token.txt
                - echo "{jwt}"
              artifacts:
                paths: [token.txt]
            """);

        foreach (var format in new[] { "text", "json", "sarif", "codequality", "gitlab-sast" })
        {
            var run = await KeylessProcess.RunAsync(["lint", "--format", format], workingDirectory: _dir);

            Assert.Equal(1, run.ExitCode);
            Assert.DoesNotContain(jwt[..20], run.StdOut + run.StdErr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lints_several_files_and_every_pipeline_in_a_folder()
    {
        var run = await KeylessProcess.RunAsync("lint", Fixture("token-printed"), Path.Combine(Fixtures, "shared-audience"), Fixtures, "--format", "json");

        var files = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray().Select(f => (string)f!["location"]!["file"]!).Distinct().ToList();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(files, f => f.EndsWith("token-printed/.gitlab-ci.yml", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("shared-audience/.gitlab-ci.yml", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("token-in-artifacts/.gitlab-ci.yml", StringComparison.Ordinal));
        Assert.Contains("pipelines,", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_found_in_a_folder_and_included_by_another_is_linted_once_where_it_is_included()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "ci"));
        File.WriteAllText(Path.Combine(_dir, "ci", "deploy.gitlab-ci.yml"), ".deploy:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n");
        File.WriteAllText(Path.Combine(_dir, ".gitlab-ci.yml"), "include: ci/deploy.gitlab-ci.yml\njob:\n  extends: .deploy\n  rules: [{if: $CI_COMMIT_REF_PROTECTED == \"true\"}]\n  script: [vault write auth/jwt/login jwt=$T]\n");

        var run = await KeylessProcess.RunAsync(["lint", ".", "--format", "json"], workingDirectory: _dir);

        var finding = Assert.Single(JsonNode.Parse(run.StdOut)!["findings"]!.AsArray());
        Assert.Equal("instance-url-audience", (string)finding!["id"]!);
        Assert.Equal("ci/deploy.gitlab-ci.yml", (string)finding["location"]!["file"]!);
    }

    [Fact]
    public async Task Finds_ci_cd_components_under_templates()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "templates", "deploy"));
        File.WriteAllText(Path.Combine(_dir, "templates", "deploy", "template.yml"), "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n  script: [vault write auth/jwt/login jwt=$T]\n");
        File.WriteAllText(Path.Combine(_dir, "templates", "README.md"), "not a pipeline\n");

        var run = await KeylessProcess.RunAsync(["lint", ".", "--format", "json", "--fail-on", "critical"], workingDirectory: _dir);

        Assert.Contains(JsonNode.Parse(run.StdOut)!["findings"]!.AsArray(), f => (string)f!["location"]!["file"]! == "templates/deploy/template.yml");
    }

    [Fact]
    public async Task A_folder_without_pipelines_exits_2()
    {
        var run = await KeylessProcess.RunAsync(["lint", "."], workingDirectory: _dir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no .gitlab-ci.yml", run.StdErr, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }
}
