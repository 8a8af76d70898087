using Keyless.Cli.Tests.Infrastructure;
using Keyless.Formats.Inputs;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>The real <c>keyless login aws</c> binary against the emulator's STS, trusting examples/aws-hardened-cli.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LoginAwsCommandTests
{
    private const string Trust = "examples/aws-hardened-cli";
    private const string RoleArn = "arn:aws:iam::111122223333:role/gitlab-deploy";

    private static async Task<RunningEmulator> StartAsync() =>
        await RunningEmulator.StartAsync(TrustLoader.Load([Path.Combine(RepoPaths.Root, Trust)]), issuerUrl: "https://gitlab.com");

    private static async Task<string> MintAsync(RunningEmulator emu, string reference = "main")
    {
        var claims = TestTrust.Claims("sts.amazonaws.com", reference);
        // The example's project sets its sub components to project_id, ref_type and ref.
        claims["sub"] = $"project_id:4242:ref_type:branch:ref:{reference}";
        return await emu.MintAsync(claims);
    }

    private static string[] Args(RunningEmulator emu, params string[] more) =>
        ["login", "aws", "--role-arn", RoleArn, "--token-env", "GITLAB_OIDC_TOKEN", "--sts-url", emu.Https, "--ca-file", emu.CertificatePath, .. more];

    private static Dictionary<string, string> TokenEnv(string token) => new() { ["GITLAB_OIDC_TOKEN"] = token };

    [Fact]
    public async Task Should_Write_A_Private_Profile_The_Aws_Tools_Read_Keeping_Other_Profiles()
    {
        await using var emu = await StartAsync();
        var token = await MintAsync(emu);
        var file = Path.Combine(emu.Directory, "aws", "credentials");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "[other]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n", TestContext.Current.CancellationToken);

        var run = await KeylessProcess.RunAsync(Args(emu, "--profile", "gitlab", "--credentials-file", file), environment: TokenEnv(token));

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Empty(run.StdOut);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var lines = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("[other]", lines[0]);
        Assert.Contains("[gitlab]", lines);
        var keyId = Assert.Single(lines, l => l.StartsWith("aws_access_key_id = ASIA", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("aws_session_token = ", StringComparison.Ordinal));
        var secret = Assert.Single(lines, l => l.StartsWith("aws_secret_access_key = ", StringComparison.Ordinal))["aws_secret_access_key = ".Length..];
        Assert.DoesNotContain(secret, run.StdErr, StringComparison.Ordinal);
        Assert.Contains("profile 'gitlab'", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(keyId, run.StdOut, StringComparison.Ordinal);
        LoginTestEmulator.AssertNoToken(run, token);
    }

    [Fact]
    public async Task Should_Write_An_Env_File()
    {
        await using var emu = await StartAsync();
        var token = await MintAsync(emu);
        var envFile = Path.Combine(emu.Directory, "aws.env");

        var run = await KeylessProcess.RunAsync(Args(emu, "--env-file", envFile), environment: TokenEnv(token));

        Assert.True(run.ExitCode == 0, run.StdErr);
        var lines = await File.ReadAllLinesAsync(envFile, TestContext.Current.CancellationToken);
        Assert.Contains(lines, l => l.StartsWith("AWS_ACCESS_KEY_ID=ASIA", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("AWS_SECRET_ACCESS_KEY='", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("AWS_SESSION_TOKEN='", StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envFile));
    }

    [Fact]
    public async Task Should_Exit_1_With_Sts_Refusal_And_The_Failing_Condition_From_The_Trust()
    {
        await using var emu = await StartAsync();
        var token = await MintAsync(emu, "feature");
        var file = Path.Combine(emu.Directory, "credentials");

        var run = await KeylessProcess.RunAsync(Args(emu, "--credentials-file", file, "--trust", Path.Combine(RepoPaths.Root, Trust)), environment: TokenEnv(token));

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(file));
        Assert.Contains("AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("claim sub is 'project_id:4242:ref_type:branch:ref:feature'", run.StdErr, StringComparison.Ordinal);
        LoginTestEmulator.AssertNoToken(run, token);
    }

    [Fact]
    public async Task Should_Exit_2_On_Something_That_Is_No_Role_Arn()
    {
        var run = await KeylessProcess.RunAsync(["login", "aws", "--role-arn", "gitlab-deploy", "--token-env", "X"], environment: TokenEnv("a.b.c"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not an IAM role ARN", run.StdErr, StringComparison.Ordinal);
    }
}
