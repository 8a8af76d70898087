using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Emulator.Reads;
using Keyless.Formats.Inputs;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>
/// <c>keyless pull aws</c>, <c>audit --live aws:ACCOUNT</c> and <c>explain --live aws:ACCOUNT</c> as a user runs them,
/// against the emulator's IAM over HTTPS with its reader key: the pull contract's exit codes and an
/// <c>AccessDenied</c> reported with the IAM action it names.
/// </summary>
public sealed class PullAwsCommandTests : IDisposable
{
    // The account of examples/aws-hardened-cli's role ARN.
    private const string Account = "111122223333";

    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-pull-aws-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Connect(RunningEmulator emu) => ["--emulator", emu.Https, "--ca-file", emu.CertificatePath];

    private static Task<RunningEmulator> StartAsync(params ReadFault[] faults) =>
        RunningEmulator.StartAsync(TrustLoader.Load([Path.Combine(RepoPaths.Root, "examples", "aws-hardened-cli")]), configure: o => o with { Faults = faults });

    [Fact]
    public async Task Pull_aws_writes_the_cli_shapes_and_exits_0()
    {
        await using var emu = await StartAsync();
        var output = Path.Combine(_dir, "pull");

        var run = await KeylessProcess.RunAsync(["pull", "aws", "--account", Account, .. Connect(emu), "--out", output]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains($"keyless pull: aws:{Account}: done", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("keyless pull: complete", run.StdErr, StringComparison.Ordinal);
        var page = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "aws", Account, "roles.page-1.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal("gitlab-deploy", (string)page["Roles"]![0]!["RoleName"]!);
        Assert.Equal("Allow", (string)page["Roles"]![0]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Effect"]!);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "pull.json"), TestContext.Current.CancellationToken))!["pulls"]![0]!;
        Assert.Equal(("aws", "complete"), ((string)record["source"]!, (string)record["result"]!));

        // The folder audits offline like any other input.
        var audit = await KeylessProcess.RunAsync(["audit", output, "--format", "json"]);
        Assert.True(audit.ExitCode == 0, audit.StdOut + audit.StdErr);
    }

    [Fact]
    public async Task Access_denied_is_a_partial_pull_exit_4_naming_the_iam_action()
    {
        await using var emu = await StartAsync(new ReadFault { PathContains = "Action=ListRoles", Status = 403, Times = 0 });

        var run = await KeylessProcess.RunAsync(["pull", "aws", "--account", Account, .. Connect(emu), "--out", Path.Combine(_dir, "pull")]);

        Assert.True(run.ExitCode == 4, run.StdErr);
        Assert.Contains($"not verified: aws:{Account}: aws-iam ListRoles: HTTP 403 Forbidden: AccessDenied:", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("missing permission: iam:ListRoles", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_live_aws_reports_an_unread_account_as_not_verified()
    {
        await using var emu = await StartAsync(new ReadFault { PathContains = "Action=ListUsers", Status = 403, Times = 0 });

        var run = await KeylessProcess.RunAsync(["audit", "--live", $"aws:{Account}", .. Connect(emu), "--format", "json"]);

        Assert.True(run.ExitCode != 0, run.StdErr);
        var finding = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray().Single(f => (string)f!["id"]! == "not-verified")!;
        Assert.Contains("iam:ListUsers", finding.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_live_aws_decides_against_the_pulled_role_with_sts_words()
    {
        await using var emu = await StartAsync();
        var claims = Path.Combine(_dir, "claims.json");
        async Task<KeylessRun> Explain(string reference)
        {
            await File.WriteAllTextAsync(claims, new JsonObject
            {
                ["iss"] = "https://gitlab.com",
                ["aud"] = "sts.amazonaws.com", // the hardened example's provider lists only STS's audience
                ["sub"] = $"project_id:4242:ref_type:branch:ref:{reference}",
                ["project_id"] = "4242",
                ["project_path"] = "acme/payments",
                ["ref"] = reference,
                ["ref_type"] = "branch",
            }.ToJsonString(), TestContext.Current.CancellationToken);
            return await KeylessProcess.RunAsync(["explain", "--claims", claims, "--live", $"aws:{Account}", .. Connect(emu)]);
        }

        var main = await Explain("main");
        Assert.True(main.ExitCode == 0, main.StdOut + main.StdErr);
        Assert.Contains("gitlab-deploy", main.StdOut, StringComparison.Ordinal);

        var feature = await Explain("feature");
        Assert.Equal(1, feature.ExitCode);
        Assert.Contains("Not authorized to perform sts:AssumeRoleWithWebIdentity", feature.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_emulator_credentials_the_sdk_chain_signs_with_env_keys_or_a_web_identity()
    {
        await using var emu = await StartAsync();
        // Nothing of the machine's own AWS configuration may leak in, nor may EC2's metadata service be asked.
        var isolated = new Dictionary<string, string>
        {
            ["AWS_CONFIG_FILE"] = Path.Combine(_dir, "aws-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_dir, "aws-credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_REGION"] = "us-east-1",
        };

        // Keys in the environment (here the emulator's reader key), IAM read through --endpoint iam=URL.
        using var client = emu.Client();
        using var answer = await client.PostAsync(emu.Https + ReaderCredentials.Path, new StringContent("{\"api\":\"aws\"}"), TestContext.Current.CancellationToken);
        var key = JsonNode.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var keys = new Dictionary<string, string>(isolated)
        {
            ["AWS_ACCESS_KEY_ID"] = (string)key["AccessKeyId"]!,
            ["AWS_SECRET_ACCESS_KEY"] = (string)key["SecretAccessKey"]!,
        };
        var run = await KeylessProcess.RunAsync(["pull", "aws", "--account", Account, "--endpoint", "iam=" + emu.Http, "--out", Path.Combine(_dir, "keys")], environment: keys);
        Assert.True(run.ExitCode == 0, run.StdErr);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "keys", "pull.json"), TestContext.Current.CancellationToken))!["pulls"]![0]!;
        Assert.Equal("AWS SDK default credential chain (AWSSDK.Core)", (string)record["credentials"]!["aws-iam"]!);
        Assert.DoesNotContain((string)key["SecretAccessKey"]!, run.StdErr, StringComparison.Ordinal);

        // A GitLab job's web identity: the SDK exchanges the token at STS (the emulator's) and signs with the session key.
        var token = Path.Combine(_dir, "id_token");
        await File.WriteAllTextAsync(token, await emu.MintAsync(new JsonObject
        {
            ["aud"] = "sts.amazonaws.com", // the hardened example's provider lists only STS's audience
            ["sub"] = "project_id:4242:ref_type:branch:ref:main",
            ["project_id"] = "4242",
            ["project_path"] = "acme/payments",
            ["ref"] = "main",
            ["ref_type"] = "branch",
            ["ref_protected"] = "true",
        }), TestContext.Current.CancellationToken);
        var web = new Dictionary<string, string>(isolated)
        {
            ["AWS_ROLE_ARN"] = $"arn:aws:iam::{Account}:role/gitlab-deploy",
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = token,
            ["AWS_ROLE_SESSION_NAME"] = "gitlab-job",
            ["AWS_ENDPOINT_URL_STS"] = emu.Http,
        };
        var job = await KeylessProcess.RunAsync(["pull", "aws", "--account", Account, "--endpoint", "iam=" + emu.Http, "--out", Path.Combine(_dir, "web")], environment: web);
        Assert.True(job.ExitCode == 0, job.StdErr);
        Assert.True(File.Exists(Path.Combine(_dir, "web", "aws", Account, "roles.page-1.json")));
    }

    [Theory]
    [InlineData(new[] { "pull", "aws", "--account", "1234", "--out", "x" }, "--account '1234'")]
    [InlineData(new[] { "pull", "aws", "--out", "x", "--endpoint", "sts=https://example.com" }, "--endpoint")]
    [InlineData(new[] { "audit", "--live", "aws:acme" }, "--live")]
    public async Task Bad_arguments_exit_2_and_name_the_option(string[] args, string named)
    {
        var run = await KeylessProcess.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.StdOut + run.StdErr);
        Assert.Contains(named, run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }
}
