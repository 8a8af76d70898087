using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Keyless.Emulator.Host.Tests;

/// <summary>
/// Real AWS clients against the emulator's STS at its root URL: the AWS CLI (<c>--endpoint-url</c>), boto3 (Debian's
/// python3-boto3, or any python3 with boto3) and AWSSDK.SecurityToken. Each skips with the reason where it is missing.
/// </summary>
public sealed class AwsClientsTests
{
    private const string Boto3Script = """
        import sys, boto3, botocore.exceptions
        sts = boto3.client("sts", endpoint_url=sys.argv[1], region_name="us-east-1", verify=sys.argv[2])
        try:
            r = sts.assume_role_with_web_identity(RoleArn=sys.argv[3], RoleSessionName="gitlab-job", WebIdentityToken=sys.stdin.read().strip())
            print("KEY " + r["Credentials"]["AccessKeyId"] + " " + r["AssumedRoleUser"]["Arn"])
        except botocore.exceptions.ClientError as e:
            print("ERROR " + e.response["Error"]["Code"] + ": " + e.response["Error"]["Message"])
            sys.exit(1)
        """;

    // botocore reads AWS_ENDPOINT_URL_STS from 1.31 on; an older one would send the token to AWS itself.
    private const string WebIdentityScript = """
        import sys, boto3, botocore
        if tuple(int(p) for p in botocore.__version__.split(".")[:2]) < (1, 31):
            print("OLD " + botocore.__version__); sys.exit(3)
        print("KEY " + boto3.Session(region_name="us-east-1").get_credentials().get_frozen_credentials().access_key)
        """;

    internal static Dictionary<string, string> Isolated(RunningEmulator emu) => new()
    {
        // No user configuration or credentials may leak in, and nothing may be asked of EC2's metadata service.
        ["AWS_CONFIG_FILE"] = Path.Combine(emu.Directory, "aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(emu.Directory, "aws-credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_CA_BUNDLE"] = emu.CertificatePath,
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    internal static async Task<string> PythonWithBoto3Async() => (await PythonsWithBoto3Async())[0];

    // Debian's interpreter first (python3-boto3), then whichever python3 is on PATH.
    private static async Task<List<string>> PythonsWithBoto3Async()
    {
        var found = new List<string>();
        foreach (var python in new[] { "/usr/bin/python3", ExternalTool.Find("python3") }.OfType<string>().Distinct())
        {
            if (File.Exists(python) && (await ExternalTool.RunAsync(python, ["-c", "import boto3"])).ExitCode == 0)
            {
                found.Add(python);
            }
        }

        Assert.SkipWhen(found.Count == 0, "no python3 with boto3 (apt-get install python3-boto3); the boto3 tests need it");
        return found;
    }

    private static Task<ToolRun> AwsCliAsync(string aws, RunningEmulator emu, string token) =>
        ExternalTool.RunAsync(aws, ["sts", "assume-role-with-web-identity", "--endpoint-url", emu.Https, "--role-arn", TestTrust.AwsRoleArn,
            "--role-session-name", "gitlab-job", "--web-identity-token", token, "--output", "json"], Isolated(emu));

    [Fact]
    public async Task The_aws_cli_gets_credentials_and_prints_sts_refusals()
    {
        var aws = ExternalTool.Find("aws");
        Assert.SkipWhen(aws is null, "the AWS CLI is not installed (apt-get install awscli); its STS tests need it");
        await using var emu = await RunningEmulator.StartAsync(TestTrust.CreateWithAws());

        var run = await AwsCliAsync(aws!, emu, await emu.MintAsync(TestTrust.Claims(TestTrust.AwsAudience)));
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.StdOut)!;
        Assert.StartsWith("ASIA", json["Credentials"]!["AccessKeyId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(TestTrust.MainSubject, json["SubjectFromWebIdentityToken"]!.GetValue<string>());

        var audience = await AwsCliAsync(aws!, emu, await emu.MintAsync(TestTrust.Claims("api://AzureADTokenExchange")));
        Assert.NotEqual(0, audience.ExitCode);
        Assert.Contains("(InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience", audience.StdErr, StringComparison.Ordinal);

        var branch = await AwsCliAsync(aws!, emu, await emu.MintAsync(TestTrust.Claims(TestTrust.AwsAudience, reference: "feature")));
        Assert.Contains("(AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity", branch.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boto3_gets_credentials_and_reads_sts_error_codes()
    {
        var python = await PythonWithBoto3Async();
        await using var emu = await RunningEmulator.StartAsync(TestTrust.CreateWithAws());
        Task<ToolRun> Assume(string token) =>
            ExternalTool.RunAsync(python, ["-c", Boto3Script, emu.Https, emu.CertificatePath, TestTrust.AwsRoleArn], Isolated(emu), stdin: token);

        var run = await Assume(await emu.MintAsync(TestTrust.Claims(TestTrust.AwsAudience)));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"arn:aws:sts::{TestTrust.AwsAccount}:assumed-role/gitlab-deploy/gitlab-job", run.StdOut, StringComparison.Ordinal);

        var denied = await Assume(await emu.MintAsync(TestTrust.Claims("sts.example.com")));
        Assert.Equal("ERROR InvalidIdentityToken: Incorrect token audience", denied.StdOut.Trim());
    }

    [Fact]
    public async Task Boto3_web_identity_provider_reads_the_role_and_token_file_from_the_environment()
    {
        var pythons = await PythonsWithBoto3Async();
        await using var emu = await RunningEmulator.StartAsync(TestTrust.CreateWithAws());
        var tokenFile = Path.Combine(emu.Directory, "gitlab-oidc-token");
        await File.WriteAllTextAsync(tokenFile, await emu.MintAsync(TestTrust.Claims(TestTrust.AwsAudience)), TestContext.Current.CancellationToken);
        var environment = Isolated(emu);
        environment["AWS_ROLE_ARN"] = TestTrust.AwsRoleArn;
        environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile;
        environment["AWS_ROLE_SESSION_NAME"] = "gitlab-job";
        environment["AWS_ENDPOINT_URL_STS"] = emu.Https;

        var runs = new List<ToolRun>();
        foreach (var python in pythons)
        {
            var run = await ExternalTool.RunAsync(python, ["-c", WebIdentityScript], environment);
            if (run.ExitCode != 3)
            {
                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.StartsWith("KEY ASIA", run.StdOut, StringComparison.Ordinal);
                return;
            }

            runs.Add(run);
        }

        Assert.Skip($"every python3 with boto3 has a botocore older than 1.31 ({string.Join(", ", runs.Select(r => r.StdOut.Trim()))}): none can be pointed at the emulator");
    }

    // The probe is built beside this project (the ProjectReference); same configuration and framework folders.
    private static string SdkProbe() =>
        Path.Combine(AppContext.BaseDirectory.Replace("Keyless.Emulator.Host.Tests", "Keyless.AwsSdkProbe", StringComparison.Ordinal), "Keyless.AwsSdkProbe.dll");

    [Fact]
    public async Task The_dotnet_sdk_web_identity_provider_reads_role_token_file_and_sts_endpoint_from_the_environment()
    {
        await using var emu = await RunningEmulator.StartAsync(TestTrust.CreateWithAws());
        var tokenFile = Path.Combine(emu.Directory, "gitlab-oidc-token");
        Task<ToolRun> Probe(string token)
        {
            File.WriteAllText(tokenFile, token);
            var environment = Isolated(emu);
            environment["AWS_ROLE_ARN"] = TestTrust.AwsRoleArn;
            environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile;
            environment["AWS_ROLE_SESSION_NAME"] = "gitlab-job";

            // Plain HTTP: the SDK's HttpClient trusts the system's CAs only, not the emulator's own certificate.
            environment["AWS_ENDPOINT_URL_STS"] = emu.Http;
            return ExternalTool.RunAsync("dotnet", [SdkProbe()], environment);
        }

        var run = await Probe(await emu.MintAsync(TestTrust.Claims(TestTrust.AwsAudience)));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("KEY ASIA", run.StdOut, StringComparison.Ordinal);

        var denied = await Probe(await emu.MintAsync(TestTrust.Claims(TestTrust.AwsAudience, reference: "feature")));
        Assert.Equal("ERROR AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity", denied.StdOut.Trim());
    }

    [Fact]
    public async Task The_dotnet_sdk_gets_credentials_and_throws_the_modelled_exception()
    {
        await using var emu = await RunningEmulator.StartAsync(TestTrust.CreateWithAws());
        var config = new AmazonSecurityTokenServiceConfig { ServiceURL = emu.Http, AuthenticationRegion = "us-east-1" };
        using var sts = new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config);
        AssumeRoleWithWebIdentityRequest Request(string token) => new()
        {
            RoleArn = TestTrust.AwsRoleArn,
            RoleSessionName = "gitlab-job",
            WebIdentityToken = token,
            DurationSeconds = 900,
        };

        var response = await sts.AssumeRoleWithWebIdentityAsync(Request(await emu.MintAsync(TestTrust.Claims(TestTrust.AwsAudience))), TestContext.Current.CancellationToken);
        Assert.StartsWith("ASIA", response.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(TestTrust.AwsAudience, response.Audience);
        Assert.True(response.Credentials.Expiration > DateTime.UtcNow.AddMinutes(10));

        var wrongToken = await emu.MintAsync(TestTrust.Claims("api://AzureADTokenExchange"));
        var wrong = await Assert.ThrowsAsync<InvalidIdentityTokenException>(() =>
            sts.AssumeRoleWithWebIdentityAsync(Request(wrongToken), TestContext.Current.CancellationToken));
        Assert.Equal("Incorrect token audience", wrong.Message);

        var featureToken = await emu.MintAsync(TestTrust.Claims(TestTrust.AwsAudience, reference: "feature"));
        var denied = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            sts.AssumeRoleWithWebIdentityAsync(Request(featureToken), TestContext.Current.CancellationToken));
        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Equal(403, (int)denied.StatusCode);
    }
}
