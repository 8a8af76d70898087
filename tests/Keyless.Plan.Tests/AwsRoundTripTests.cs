using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Plan.Design;
using Keyless.Plan.Intent;
using Keyless.Testing;
using Keyless.Trust.Claims;
using Keyless.Trust.Identities;

namespace Keyless.Plan.Tests;

/// <summary>
/// The plan's AWS trust read back in every form it writes (Terraform JSON, Terraform HCL, the CloudFormation template,
/// and what the aws CLI script sends), by the same loader and evaluator as <c>keyless explain</c>: the intended job's
/// token gets each role; a feature branch, a tag named like the branch, another project, an unprotected environment,
/// the instance URL as audience and GitLab's default sub (the components not applied yet) do not.
/// </summary>
public sealed class AwsRoundTripTests : IDisposable
{
    // The trust the loader reads, and apart from it the script and what it recorded.
    private readonly string _folder = Directory.CreateTempSubdirectory("keyless-plan-aws-").FullName;
    private readonly string _work = Directory.CreateTempSubdirectory("keyless-plan-aws-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_work, recursive: true);
    }

    public static readonly string[] Forms = ["terraform-json", "terraform-hcl", "cloudformation", "aws-cli"];

    /// <summary>Form, intent (the example or a fixture), role, and the environment its job deploys to ("" for none).</summary>
    public static TheoryData<string, string, string, string> Roles()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var form in Forms)
        {
            data.Add(form, "example", "gitlab-payments-deploy", "production");
            data.Add(form, "example", "gitlab-payments-infra", "");
            data.Add(form, "aws", "shop-ci-read", "");
            data.Add(form, "aws", "shop-network-deploy", "prod-eu");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Should_Allow_The_Intended_Token(string form, string intent, string role, string environment)
    {
        var (decide, token) = await SetupAsync(form, intent, role, environment);

        var decision = decide(token, null);

        Assert.True(decision.IsAllowed, string.Join(" ", decision.Reasons));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Should_Deny_A_Feature_Branch(string form, string intent, string role, string environment)
    {
        var (decide, token) = await SetupAsync(form, intent, role, environment);
        token[GitLabClaimNames.Ref] = "feature/steal";
        token[GitLabClaimNames.RefPath] = "refs/heads/feature/steal";
        token[GitLabClaimNames.RefProtected] = "false";

        Assert.Equal(Verdict.Deny, decide(token, null).Verdict);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Should_Deny_A_Protected_Tag_Named_Like_The_Branch(string form, string intent, string role, string environment)
    {
        var (decide, token) = await SetupAsync(form, intent, role, environment);
        token[GitLabClaimNames.RefType] = "tag";
        token[GitLabClaimNames.RefPath] = "refs/tags/main";

        Assert.Equal(Verdict.Deny, decide(token, null).Verdict);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Should_Deny_Another_Project_Even_At_The_Same_Path(string form, string intent, string role, string environment)
    {
        var (decide, token) = await SetupAsync(form, intent, role, environment);
        token[GitLabClaimNames.ProjectId] = "9999";

        Assert.Equal(Verdict.Deny, decide(token, null).Verdict);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Should_Deny_An_Unprotected_Environment_Of_The_Same_Name(string form, string intent, string role, string environment)
    {
        Assert.SkipWhen(environment.Length == 0, "this role pins no environment");
        var (decide, token) = await SetupAsync(form, intent, role, environment);
        token[GitLabClaimNames.EnvironmentProtected] = "false";

        Assert.Equal(Verdict.Deny, decide(token, null).Verdict);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Should_Deny_The_Instance_Url_As_Audience(string form, string intent, string role, string environment)
    {
        var (decide, token) = await SetupAsync(form, intent, role, environment);
        token[GitLabClaimNames.Audience] = token[GitLabClaimNames.Issuer]!.GetValue<string>();

        Assert.Equal(Verdict.Deny, decide(token, null).Verdict);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Should_Deny_GitLabs_Default_Sub_Until_The_Components_Are_Applied(string form, string intent, string role, string environment)
    {
        // The plan's note says so: before scripts/gitlab-api.sh runs, the project's tokens carry project_path:… and fail closed.
        var (decide, token) = await SetupAsync(form, intent, role, environment);

        Assert.Equal(Verdict.Deny, decide(token, ["project_path", "ref_type", "ref"]).Verdict);
    }

    [Fact]
    public async Task The_aws_cli_accepts_every_command_the_script_runs()
    {
        var aws = ExternalTool.Find("aws");
        Assert.SkipWhen(aws is null, "the AWS CLI is not installed (scripts/test installs Debian's awscli)");
        var intent = IntentReader.ReadFile(GoldenFiles.Fixture("aws.yml"));
        var calls = await RunCliScriptAsync(PlanGenerator.Generate(intent, TerraformSyntax.Json).Single(f => f.Path == "scripts/aws.sh").Content);
        Assert.Equal(3, calls.Count);

        foreach (var call in calls)
        {
            // Nothing listens on the discard port: a command the CLI accepts gets as far as connecting; a bad flag or
            // a value outside botocore's model (a too short duration, a missing member) stops before.
            var run = await ExternalTool.RunAsync(aws!, call, new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
                ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                ["AWS_DEFAULT_REGION"] = "us-east-1",
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
                ["AWS_MAX_ATTEMPTS"] = "1",
                ["AWS_CONFIG_FILE"] = "/dev/null",
                ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            }, timeout: TimeSpan.FromMinutes(3));

            Assert.True(run.StdErr.Contains("Could not connect to the endpoint URL", StringComparison.Ordinal),
                $"aws {string.Join(' ', call)}\nexit {run.ExitCode}\n{run.StdErr}");
        }
    }

    /// <summary>
    /// Writes the plan's <paramref name="form"/> of the AWS trust, loads it, and returns a decider for the role (the
    /// sub rendered from the token with the project's planned components, or others) and the intended token.
    /// </summary>
    private async Task<(Func<JsonObject, IReadOnlyList<string>?, Decision> Decide, JsonObject Token)> SetupAsync(
        string form, string intentName, string role, string environment)
    {
        var intent = IntentReader.ReadFile(intentName == "example"
            ? Path.Combine(GoldenFiles.RepoRoot, "examples", "plan", "keyless.yml")
            : GoldenFiles.Fixture(intentName + ".yml"));
        var files = PlanGenerator.Generate(intent, form == "terraform-hcl" ? TerraformSyntax.Hcl : TerraformSyntax.Json);
        switch (form)
        {
            case "terraform-json" or "terraform-hcl":
                var terraform = files.Single(f => f.Path.StartsWith("terraform/", StringComparison.Ordinal));
                await File.WriteAllTextAsync(Path.Combine(_folder, Path.GetFileName(terraform.Path)), terraform.Content, TestContext.Current.CancellationToken);
                break;
            case "cloudformation":
                await File.WriteAllTextAsync(Path.Combine(_folder, "aws-iam.json"), files.Single(f => f.Path == "cloudformation/aws-iam.json").Content,
                    TestContext.Current.CancellationToken);
                break;
            default:
                var calls = await RunCliScriptAsync(files.Single(f => f.Path == "scripts/aws.sh").Content);
                WriteAsIamAnswers(calls, intent.Aws!.AccountId);
                break;
        }

        var design = TrustDesigner.Design(intent);
        var evaluator = TrustEvaluator.For(TrustLoader.Load([_folder]));
        var target = evaluator.Identities.Single(i => i.Aws?.Name == role);
        var arn = design.Aws!.Roles.Single(r => r.Name == role).Arn;
        var job = design.Jobs.First(j => j.Cloud == Cloud.Aws && j.LoginArguments.Contains(arn)
            && (environment.Length == 0 || j.Environment?.Name == environment));
        var project = design.Projects.Single(p => p.Project == job.Project);

        var token = PlannedJobClaims.PushToMain(intent.Issuer, job.Audience, job.Project.Path, job.Project.Id);
        if (environment.Length > 0)
        {
            token.WithProtectedEnvironment(environment, job.Environment!.Tier);
        }

        return ((claims, components) =>
        {
            var copy = (JsonObject)claims.DeepClone();
            copy[GitLabClaimNames.Subject] = SubClaimRenderer.Render(copy, components ?? project.SubComponents);
            return evaluator.Decide(target, TokenClaims.FromJson(copy));
        }, token);
    }

    private Task<List<string[]>> RunCliScriptAsync(string script) => AwsCliScript.RunAsync(script, _work);

    private void WriteAsIamAnswers(List<string[]> calls, string account)
    {
        var answers = AwsCliScript.IamAnswers(calls, account);
        for (var i = 0; i < answers.Count; i++)
        {
            File.WriteAllText(Path.Combine(_folder, $"iam-{i}.json"), answers[i].ToJsonString());
        }
    }
}
