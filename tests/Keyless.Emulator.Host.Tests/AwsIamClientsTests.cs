using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Keyless.Emulator.Reads;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Host.Tests;

/// <summary>
/// Real AWS clients read the emulator's IAM unchanged, as <c>keyless pull aws</c> does: the AWS CLI
/// (<c>aws iam list-roles</c>, <c>get-open-id-connect-provider</c>, <c>list-access-keys</c> with <c>--endpoint-url</c>) and
/// boto3, signing with the reader key the emulator hands out. botocore parses the XML by IAM's own service model, so a
/// shape the emulator got wrong fails here. Each skips with the reason where the client is missing.
/// </summary>
public sealed class AwsIamClientsTests
{
    private const string Boto3Script = """
        import sys, boto3, botocore.exceptions
        iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1", verify=sys.argv[2])
        roles = [r for page in iam.get_paginator("list_roles").paginate() for r in page["Roles"]]
        for r in roles:
            print("ROLE " + r["RoleName"] + " " + r["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Federated"])
        for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]:
            print("PROVIDER " + iam.get_open_id_connect_provider(OpenIDConnectProviderArn=p["Arn"])["Url"])
        for k in iam.list_access_keys(UserName="ci-bot")["AccessKeyMetadata"]:
            print("KEY " + k["AccessKeyId"] + " " + k["Status"])
        try:
            iam.get_role(RoleName="no-such-role")
        except botocore.exceptions.ClientError as e:
            print("ERROR " + e.response["Error"]["Code"] + " " + str(e.response["ResponseMetadata"]["HTTPStatusCode"]))
        """;

    private static TrustSet Account()
    {
        var trust = TestTrust.CreateWithAws();
        var role = trust.AwsRoles[0];
        return trust with
        {
            AwsRoles = [role, role with { Name = "gitlab-second", Arn = $"arn:aws:iam::{TestTrust.AwsAccount}:role/gitlab-second" }],
            StaticCredentials =
            [
                new StaticCredential { Kind = StaticCredentialKind.AwsAccessKey, Owner = "ci-bot", KeyId = "AKIAJ7Q2CIBOTEXAMPLE", DisplayName = "Active", Source = role.Source },
            ],
        };
    }

    // One role per page, so the clients must follow IsTruncated and Marker.
    private static Task<RunningEmulator> StartAsync() => RunningEmulator.StartAsync(Account(), configure: o => o with { MaxPageSize = 1 });

    private static async Task<Dictionary<string, string>> SignedAsync(RunningEmulator emu)
    {
        using var client = emu.Client();
        using var response = await client.PostAsJsonAsync(emu.Https + ReaderCredentials.Path, new JsonObject { ["api"] = "aws" });
        var key = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var environment = AwsClientsTests.Isolated(emu);
        environment["AWS_ACCESS_KEY_ID"] = key["AccessKeyId"]!.GetValue<string>();
        environment["AWS_SECRET_ACCESS_KEY"] = key["SecretAccessKey"]!.GetValue<string>();
        return environment;
    }

    [Fact]
    public async Task The_aws_cli_lists_roles_page_by_page_and_reads_providers_and_key_metadata()
    {
        var aws = ExternalTool.Find("aws");
        Assert.SkipWhen(aws is null, "the AWS CLI is not installed (apt-get install awscli); its IAM tests need it");
        await using var emu = await StartAsync();
        var environment = await SignedAsync(emu);
        Task<ToolRun> Iam(params string[] args) => ExternalTool.RunAsync(aws!, ["iam", .. args, "--endpoint-url", emu.Https, "--output", "json"], environment);

        var roles = await Iam("list-roles");
        Assert.True(roles.ExitCode == 0, roles.ToString());
        var listed = JsonNode.Parse(roles.StdOut)!["Roles"]!.AsArray();
        Assert.Equal(["gitlab-deploy", "gitlab-second"], listed.Select(r => r!["RoleName"]!.GetValue<string>()));
        // The CLI decodes IAM's URL-encoded policy into an object, which is how Keyless reads it.
        Assert.Equal($"arn:aws:iam::{TestTrust.AwsAccount}:oidc-provider/gitlab.com",
            listed[0]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Federated"]!.GetValue<string>());
        Assert.Equal(2, emu.Core.ReadCalls["iam"]);

        var provider = await Iam("get-open-id-connect-provider", "--open-id-connect-provider-arn", $"arn:aws:iam::{TestTrust.AwsAccount}:oidc-provider/gitlab.com");
        Assert.True(provider.ExitCode == 0, provider.ToString());
        Assert.Equal("gitlab.com", JsonNode.Parse(provider.StdOut)!["Url"]!.GetValue<string>());
        Assert.Contains("sts.amazonaws.com", JsonNode.Parse(provider.StdOut)!["ClientIDList"]!.AsArray().Select(c => c!.GetValue<string>()));

        var keys = await Iam("list-access-keys", "--user-name", "ci-bot");
        Assert.True(keys.ExitCode == 0, keys.ToString());
        var key = Assert.Single(JsonNode.Parse(keys.StdOut)!["AccessKeyMetadata"]!.AsArray());
        Assert.Equal(("ci-bot", "AKIAJ7Q2CIBOTEXAMPLE", "Active"), (key!["UserName"]!.GetValue<string>(), key["AccessKeyId"]!.GetValue<string>(), key["Status"]!.GetValue<string>()));

        var missing = await Iam("get-role", "--role-name", "no-such-role");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("(NoSuchEntity) when calling the GetRole operation: The role with name no-such-role cannot be found.", missing.StdErr, StringComparison.Ordinal);

        // A key the emulator did not hand out is refused as IAM refuses an unknown one.
        environment["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE";
        var unknown = await Iam("list-roles");
        Assert.Contains("(InvalidClientTokenId) when calling the ListRoles operation", unknown.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boto3_pages_roles_and_reads_providers_keys_and_iam_errors()
    {
        var python = await AwsClientsTests.PythonWithBoto3Async();
        await using var emu = await StartAsync();
        var run = await ExternalTool.RunAsync(python, ["-c", Boto3Script, emu.Https, emu.CertificatePath], await SignedAsync(emu));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"ROLE gitlab-deploy arn:aws:iam::{TestTrust.AwsAccount}:oidc-provider/gitlab.com",
                $"ROLE gitlab-second arn:aws:iam::{TestTrust.AwsAccount}:oidc-provider/gitlab.com",
                "PROVIDER gitlab.com",
                "KEY AKIAJ7Q2CIBOTEXAMPLE Active",
                "ERROR NoSuchEntity 404",
            ],
            run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
