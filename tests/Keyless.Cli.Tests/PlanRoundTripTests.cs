using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Testing;
using Keyless.Trust.Claims;

namespace Keyless.Cli.Tests;

/// <summary>
/// Issue #7's round trip, as a user runs it: <c>keyless plan --terraform-syntax json</c>, then <c>keyless explain</c>
/// on the written Terraform JSON allows each planned job's own token and denies a feature branch, a tag named like
/// the ref, and another project; <c>keyless lint --trust</c> finds nothing in the written pipelines; <c>keyless audit</c>
/// finds no persona; and each generated login line is one <c>keyless login</c> accepts.
/// </summary>
public sealed class PlanRoundTripTests(PlanRoundTripOutput output) : IClassFixture<PlanRoundTripOutput>
{
    /// <summary>The identity as explain names it (a part of the name), and the key its planned job logs in with.</summary>
    public static TheoryData<string, string> Identities => new()
    {
        { "deploy@acme-prod.iam.gserviceaccount.com", "deploy@acme-prod.iam.gserviceaccount.com" },
        { "terraform@acme-prod.iam.gserviceaccount.com", "terraform@acme-prod.iam.gserviceaccount.com" },
        // The .tf.json names the application by object id; its job logs in with the client id.
        { "22222222-2222-4222-8222-222222222222", "11111111-1111-4111-8111-111111111111" },
        { "id-payments-infra", "33333333-3333-4333-8333-333333333333" },
        // AWS roles by name; their jobs log in with the role ARN.
        { "gitlab-payments-deploy", "arn:aws:iam::123456789012:role/gitlab-payments-deploy" },
        { "gitlab-payments-infra", "arn:aws:iam::123456789012:role/gitlab/gitlab-payments-infra" },
    };

    [Fact]
    public void The_plan_wrote_terraform_json_and_pipelines()
    {
        Assert.Equal(0, output.Plan.ExitCode);
        Assert.True(File.Exists(Path.Combine(output.Terraform, "main.tf.json")), output.Plan.StdErr);
        Assert.NotEmpty(Directory.EnumerateFiles(output.Pipelines, "*.yml"));
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task Explain_allows_the_intended_token(string identity, string loginKey)
    {
        var (exit, decision) = await ExplainAsync(identity, loginKey, output.IntendedToken(loginKey));

        Assert.Equal(0, exit);
        Assert.Equal("allow", decision["decision"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task Explain_denies_a_feature_branch(string identity, string loginKey)
    {
        var token = output.IntendedToken(loginKey);
        token[GitLabClaimNames.Ref] = "feature/steal";
        token[GitLabClaimNames.RefPath] = "refs/heads/feature/steal";
        token[GitLabClaimNames.RefProtected] = "false";

        await AssertDeniedAsync(identity, loginKey, token);
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task Explain_denies_a_protected_tag_named_like_the_branch(string identity, string loginKey)
    {
        var token = output.IntendedToken(loginKey);
        token[GitLabClaimNames.RefType] = "tag";
        token[GitLabClaimNames.RefPath] = "refs/tags/main";

        await AssertDeniedAsync(identity, loginKey, token);
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task Explain_denies_another_project_at_the_same_path(string identity, string loginKey)
    {
        var token = output.IntendedToken(loginKey);
        token[GitLabClaimNames.ProjectId] = "9999";

        await AssertDeniedAsync(identity, loginKey, token);
    }

    [Fact]
    public async Task Lint_with_the_plans_trust_finds_nothing_in_the_plans_pipelines()
    {
        foreach (var pipeline in Directory.EnumerateFiles(output.Pipelines, "*.yml"))
        {
            var run = await KeylessProcess.RunAsync("lint", pipeline, "--trust", output.Terraform, "--format", "json", "--fail-on", "info");

            Assert.True(run.ExitCode == 0, $"{pipeline}: exit {run.ExitCode}\n{run.StdOut}\n{run.StdErr}");
            Assert.Empty(JsonNode.Parse(run.StdOut)!["findings"]!.AsArray());
        }
    }

    [Fact]
    public async Task Audit_finds_nothing_above_info()
    {
        // The plan's projects are known by id only through import blocks; the audit must still attack each
        // identity as the project it was bound for, so no persona gets in and nothing is unreachable.
        var run = await KeylessProcess.RunAsync("audit", output.Terraform, "--format", "json", "--fail-on", "low");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StdOut}\n{run.StdErr}");
        var findings = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray();
        Assert.All(findings, f => Assert.Null(f!["persona"]));
        Assert.All(findings, f => Assert.Equal("info", f!["severity"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task The_login_line_of_each_job_is_one_the_login_command_accepts(string identity, string loginKey)
    {
        _ = identity;
        var line = output.LoginLine(loginKey);
        var directory = Directory.CreateTempSubdirectory("keyless-plan-login-").FullName;
        try
        {
            // The job's own words, its private directory filled in; --no-verify writes the file without calling the cloud.
            var args = line.Split(' ').Skip(1).Select(w => w.Trim('"').Replace("$KEYLESS_DIR", directory, StringComparison.Ordinal)).Append("--no-verify");
            var variable = line.Split(' ').SkipWhile(w => w != "--token-env").ElementAt(1);
            var token = UnsignedJwt(output.WithSub(output.IntendedToken(loginKey), loginKey));

            var run = await KeylessProcess.RunAsync(args, environment: new Dictionary<string, string> { [variable] = token });

            Assert.True(run.ExitCode == 0, $"{line}\nexit {run.ExitCode}\n{run.StdErr}");
            if (line.Contains(" aws ", StringComparison.Ordinal))
            {
                // Without the exchange there are no AWS credentials to write: login aws checks the token and flags only.
                Assert.Empty(Directory.EnumerateFiles(directory));
            }
            else
            {
                Assert.Single(Directory.EnumerateFiles(directory, line.Contains(" gcp ", StringComparison.Ordinal) ? "gcp.json" : "azure.env"));
            }

            Assert.DoesNotContain(token, run.StdOut + run.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/gitlab-payments-deploy")]
    [InlineData("arn:aws:iam::123456789012:role/gitlab/gitlab-payments-infra")]
    public async Task The_aws_login_line_gets_credentials_from_sts_trusting_the_plan_and_a_feature_branch_does_not(string roleArn)
    {
        // The emulator's STS (at its root, as AWS serves it) trusting the plan's own Terraform JSON; the job's own
        // login line, with only the STS endpoint and its certificate added.
        await using var emu = await RunningEmulator.StartAsync(Keyless.Formats.Inputs.TrustLoader.Load([output.Terraform]), issuerUrl: "https://gitlab.com");
        var line = output.LoginLine(roleArn);
        var directory = Directory.CreateTempSubdirectory("keyless-plan-login-aws-").FullName;
        try
        {
            var args = line.Split(' ').Skip(1).Select(w => w.Trim('"').Replace("$KEYLESS_DIR", directory, StringComparison.Ordinal))
                .Concat(["--sts-url", emu.Https, "--ca-file", emu.CertificatePath]).ToList();
            var intended = await emu.MintAsync(output.WithSub(output.IntendedToken(roleArn), roleArn));

            var run = await KeylessProcess.RunAsync(args, environment: new Dictionary<string, string> { ["AWS_ID_TOKEN"] = intended });

            Assert.True(run.ExitCode == 0, $"{line}\nexit {run.ExitCode}\n{run.StdErr}");
            Assert.Contains(File.ReadLines(Path.Combine(directory, "aws.env")), l => l.StartsWith("AWS_ACCESS_KEY_ID=ASIA", StringComparison.Ordinal));

            var feature = output.IntendedToken(roleArn);
            feature[GitLabClaimNames.Ref] = "feature/steal";
            feature[GitLabClaimNames.RefPath] = "refs/heads/feature/steal";
            feature[GitLabClaimNames.RefProtected] = "false";
            File.Delete(Path.Combine(directory, "aws.env"));
            var refused = await KeylessProcess.RunAsync(args, environment: new Dictionary<string, string> { ["AWS_ID_TOKEN"] = await emu.MintAsync(output.WithSub(feature, roleArn)) });

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("AccessDenied", refused.StdErr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(directory, "aws.env")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A JWT with these claims and a signature nobody checks here (login verifies nothing before the exchange).</summary>
    private static string UnsignedJwt(JsonObject claims)
    {
        static string Part(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("""{"alg":"RS256","typ":"JWT","kid":"plan-test"}""")}.{Part(claims.ToJsonString())}.{Part("not-a-signature")}";
    }

    private async Task AssertDeniedAsync(string identity, string loginKey, JsonObject token)
    {
        var (exit, decision) = await ExplainAsync(identity, loginKey, token);

        Assert.Equal(1, exit);
        Assert.Equal("deny", decision["decision"]!.GetValue<string>());
        Assert.NotEmpty(decision["reasons"]!.AsArray());
    }

    /// <summary>Runs <c>keyless explain --claims FILE --identity NAME --format json TMP/terraform</c>; the one decision.</summary>
    private async Task<(int Exit, JsonNode Decision)> ExplainAsync(string identity, string loginKey, JsonObject token)
    {
        var claims = Path.Combine(output.Folder, $"claims-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(claims, output.WithSub(token, loginKey).ToJsonString(), TestContext.Current.CancellationToken);

        var run = await KeylessProcess.RunAsync("explain", "--claims", claims, "--identity", identity, "--format", "json", output.Terraform);

        Assert.True(run.ExitCode is 0 or 1, run.StdErr);
        var decision = Assert.Single(JsonNode.Parse(run.StdOut)!["decisions"]!.AsArray());
        return (run.ExitCode, decision!);
    }
}
