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
                ["aud"] = "https://gitlab.com",
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
