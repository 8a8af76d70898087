using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Plan.Intent;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>
/// Issue #19's AWS round trip, as a user runs it: <c>keyless plan</c> on the example (gcp, azure and aws together),
/// then <c>keyless audit</c> on each AWS form the plan writes finds no persona and nothing above info: the Terraform
/// in HCL, the CloudFormation template, and what the aws CLI script creates. CloudFormation and the CLI say nothing of
/// GitLab, so those two are audited with the GitLab settings as GitLab answers after the plan's own
/// <c>scripts/gitlab-api.sh</c> ran (without them the audit cannot know the project sets the sub components and
/// protects the environment, and rightly says the environment role is unreachable).
/// </summary>
public sealed class PlanAwsAuditTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keyless-plan-aws-audit-").FullName;
    private KeylessRun _plan = new(-1, string.Empty, string.Empty);

    private static string Example => Path.Combine(RepoPaths.Examples, "plan", "keyless.yml");

    private string Out => Path.Combine(_folder, "plan");

    public async ValueTask InitializeAsync() => _plan = await KeylessProcess.RunAsync("plan", Example, "--out", Out);

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void Plan_writes_the_aws_forms_and_says_what_aws_cannot_pin()
    {
        Assert.Equal(0, _plan.ExitCode);
        Assert.Contains(Path.Combine(Out, "cloudformation", "aws-iam.json"), _plan.StdOut, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Out, "scripts", "aws.sh"), _plan.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("note:", _plan.StdOut, StringComparison.Ordinal);
        Assert.Contains($"note: {Example} (aws.roles[0]): AWS cannot pin the environment name (production)", _plan.StdErr, StringComparison.Ordinal);
        Assert.Contains("ci_id_token_sub_claim_components", _plan.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_of_the_hcl_terraform_finds_nothing_above_info()
    {
        await AssertCleanAsync(Path.Combine(Out, "terraform"), identities: 6);
    }

    [Fact]
    public async Task Audit_of_the_cloudformation_template_with_the_gitlab_settings_finds_nothing_above_info()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_folder, "cfn")).FullName;
        File.Copy(Path.Combine(Out, "cloudformation", "aws-iam.json"), Path.Combine(inputs, "aws-iam.json"));
        await WriteGitLabSettingsAsync(inputs);

        await AssertCleanAsync(inputs, identities: 2);
    }

    [Fact]
    public async Task Audit_of_what_the_aws_cli_script_creates_with_the_gitlab_settings_finds_nothing_above_info()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_folder, "cli")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(_folder, "cli-work")).FullName;
        var calls = await AwsCliScript.RunAsync(await File.ReadAllTextAsync(Path.Combine(Out, "scripts", "aws.sh"), TestContext.Current.CancellationToken), work);
        var answers = AwsCliScript.IamAnswers(calls, IntentReader.ReadFile(Example).Aws!.AccountId);
        for (var i = 0; i < answers.Count; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(inputs, $"iam-{i}.json"), answers[i].ToJsonString(), TestContext.Current.CancellationToken);
        }

        await WriteGitLabSettingsAsync(inputs);

        await AssertCleanAsync(inputs, identities: 2);
    }

    [Fact]
    public async Task Without_the_gitlab_settings_the_environment_role_is_reported_unreachable()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_folder, "cfn-alone")).FullName;
        File.Copy(Path.Combine(Out, "cloudformation", "aws-iam.json"), Path.Combine(inputs, "aws-iam.json"));

        var run = await KeylessProcess.RunAsync("audit", inputs, "--format", "json", "--fail-on", "low");

        Assert.Equal(1, run.ExitCode);
        var finding = Assert.Single(JsonNode.Parse(run.StdOut)!["findings"]!.AsArray());
        Assert.Equal("unreachable-identity", finding!["id"]!.GetValue<string>());
        Assert.Contains("gitlab-payments-deploy", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task WriteGitLabSettingsAsync(string inputs)
    {
        var work = Directory.CreateDirectory(Path.Combine(_folder, "gitlab-work-" + Path.GetFileName(inputs))).FullName;
        var projects = IntentReader.ReadFile(Example).Projects.Select(p => (p.Id, p.Path)).ToList();
        await GitLabSettingsScript.RunAsync(await File.ReadAllTextAsync(Path.Combine(Out, "scripts", "gitlab-api.sh"), TestContext.Current.CancellationToken),
            projects, work, inputs);
    }

    private static async Task AssertCleanAsync(string inputs, int identities)
    {
        var run = await KeylessProcess.RunAsync("audit", inputs, "--format", "json", "--fail-on", "low");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StdOut}\n{run.StdErr}");
        Assert.Contains($"{identities} identities", run.StdErr, StringComparison.Ordinal);
        var findings = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray();
        Assert.All(findings, f => Assert.Null(f!["persona"]));
        Assert.All(findings, f => Assert.Equal("info", f!["severity"]!.GetValue<string>()));
    }
}
