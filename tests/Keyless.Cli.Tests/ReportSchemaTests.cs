using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Keyless.Cli.Commands;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Formats.Output;
using Keyless.GitLab.Lint;
using Keyless.Scan;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>
/// The machine reports of every findings command, as the real CLI writes them, against the formats' published
/// schemas (tests/schemas/): SARIF 2.1.0 and GitLab's SAST and secret-detection reports.
/// </summary>
public sealed class ReportSchemaTests : IDisposable
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-reports-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Example(string name) => Path.Combine(RepoPaths.Examples, name);

    private static string AuditCase(string name) => Path.Combine(RepoPaths.Root, "tests", "audit-cases", name, "trust");

    private static string LintFixture(string name) =>
        Path.Combine(RepoPaths.Root, "tests", "Keyless.GitLab.Tests", "Fixtures", "lint", name, ".gitlab-ci.yml");

    public static TheoryData<string, string[]> Commands => new()
    {
        { "audit", ["audit", Example("gcp-vulnerable-pool-wide")] },
        { "audit", ["audit", Example("azure-vulnerable-flexible-any-branch")] },
        { "lint", ["lint", LintFixture("token-in-artifacts")] },
        { "diff", ["diff", AuditCase("path-reclaimer-path-subject"), AuditCase("developer-branch-any-branch")] },
    };

    private static async Task<string> ReportAsync(string[] command, string format)
    {
        var run = await KeylessProcess.RunAsync([.. command, "--format", format]);
        Assert.True(run.ExitCode is 0 or 1, run.StdErr);
        Assert.NotEmpty(JsonNode.Parse(run.StdOut)!.AsObject());
        return run.StdOut;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Sarif_is_valid_SARIF_2_1_0(string name, string[] command)
    {
        _ = name;
        await JsonSchemaCheck.AssertValidAsync(JsonSchemaCheck.Sarif, await ReportAsync(command, "sarif"));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Gitlab_sast_is_valid_against_GitLabs_schema_and_has_a_vulnerability_per_finding(string name, string[] command)
    {
        _ = name;
        var report = await ReportAsync(command, "gitlab-sast");
        await JsonSchemaCheck.AssertValidAsync(JsonSchemaCheck.GitLabSast, report);

        // Audit reports one vulnerability per root cause (--group-by cause, the default); the others one per finding.
        var json = JsonNode.Parse(await ReportAsync(command, "json"))!;
        var expected = (json["causes"] ?? json["findings"])!.AsArray().Count;
        Assert.Equal(expected, JsonNode.Parse(report)!["vulnerabilities"]!.AsArray().Count);
    }

    [Fact]
    public async Task Scan_writes_a_valid_secret_detection_report_with_the_jobs_commit_and_no_secret()
    {
        var token = "glpat-" + RandomNumberGenerator.GetString(Alnum, 24);
        File.WriteAllText(Path.Combine(_dir, "deploy.env"), $"# deploy\nGITLAB_TOKEN={token}\n");
        var sha = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

        var run = await KeylessProcess.RunAsync(["scan", _dir, "--format", "gitlab-secret-detection"],
            environment: new Dictionary<string, string> { ["CI_COMMIT_SHA"] = sha });

        Assert.Equal(1, run.ExitCode);
        await JsonSchemaCheck.AssertValidAsync(JsonSchemaCheck.GitLabSecretDetection, run.StdOut);
        var vulnerability = JsonNode.Parse(run.StdOut)!["vulnerabilities"]![0]!;
        Assert.Equal(sha, vulnerability["location"]!["commit"]!["sha"]!.GetValue<string>());
        Assert.Equal(2, vulnerability["location"]!["start_line"]!.GetValue<int>());
        Assert.DoesNotContain(token[6..], run.StdOut, StringComparison.Ordinal);

        var sarif = await KeylessProcess.RunAsync("scan", _dir, "--format", "sarif");
        await JsonSchemaCheck.AssertValidAsync(JsonSchemaCheck.Sarif, sarif.StdOut);
    }

    [Fact]
    public async Task An_empty_report_is_valid_too()
    {
        File.WriteAllText(Path.Combine(_dir, "readme.txt"), "nothing to see\n");

        var run = await KeylessProcess.RunAsync("scan", _dir, "--format", "gitlab-secret-detection");

        Assert.Equal(0, run.ExitCode);
        await JsonSchemaCheck.AssertValidAsync(JsonSchemaCheck.GitLabSecretDetection, run.StdOut);
    }

    [Theory]
    [InlineData("scan", "gitlab-sast", "gitlab-secret-detection")]
    [InlineData("audit", "gitlab-secret-detection", "gitlab-sast")]
    public async Task The_other_GitLab_report_is_refused_naming_the_right_one(string command, string format, string right)
    {
        var run = await KeylessProcess.RunAsync(command, Example("gcp-vulnerable-pool-wide"), "--format", format);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"use --format {right}", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_findings_on_a_json_input_point_at_the_line_of_their_path()
    {
        // examples/azure-vulnerable-flexible-any-branch/fics.json: the credential $.value[0] opens on line 4.
        var command = new[] { "audit", Example("azure-vulnerable-flexible-any-branch") };
        var sarif = JsonNode.Parse(await ReportAsync(command, "sarif"))!;
        var json = JsonNode.Parse(await ReportAsync(command, "json"))!;

        var region = sarif["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!;
        var location = json["findings"]![0]!["location"]!;
        Assert.Equal("$.value[0]", location["path"]!.GetValue<string>());
        Assert.Equal(4, location["line"]!.GetValue<int>());
        Assert.Equal(4, region["startLine"]!.GetValue<int>());
    }

    [Fact]
    public void Every_rule_of_every_command_has_the_docs_page_its_reports_link_to()
    {
        var rules = new (string Tool, IEnumerable<RuleDescriptor> Rules)[]
        {
            ("audit", AuditCommand.Rules),
            ("lint", LintRegistry.Descriptors),
            ("scan", ScanRegistry.Rules),
            ("diff", DiffCommand.Rules),
        };

        var missing = rules
            .SelectMany(r => r.Rules.Select(rule => RuleDocs.Page(r.Tool, rule.Id)))
            .Where(page => !File.Exists(Path.Combine(RepoPaths.Root, page)))
            .ToList();
        Assert.True(missing.Count == 0, "no docs page: " + string.Join(", ", missing));
    }
}
