using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>Runs the real <c>keyless scan</c> on generated secrets (random every run, never committed).</summary>
public sealed class ScanCommandTests : IDisposable
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-scan-cli-").FullName;
    private readonly string _token = "glpat-" + RandomNumberGenerator.GetString(Alnum, 24);
    private readonly string _azure = RandomNumberGenerator.GetString(Alnum, 3) + "7Q~" + RandomNumberGenerator.GetString(Alnum, 34);
    private readonly string _pemBody;
    private readonly string _gcpJson;

    public ScanCommandTests()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        _pemBody = string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        _gcpJson = new JsonObject
        {
            ["type"] = "service_account",
            ["private_key_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            ["private_key"] = pem,
            ["client_email"] = "ci@acme-test.iam.gserviceaccount.com",
        }.ToJsonString();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Secrets => [_token, _azure, _pemBody];

    private void Plant()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "ci"));
        File.WriteAllText(Path.Combine(_dir, "ci", "deploy.env"), $"# deploy\nGITLAB_TOKEN={_token}\nARM_CLIENT_SECRET={_azure}\n");
        File.WriteAllText(Path.Combine(_dir, "sa.b64"), Convert.ToBase64String(Encoding.UTF8.GetBytes(_gcpJson)));
    }

    // One masked variable as GET /projects/:id/variables returns it (doc/api/project_level_variables.md).
    private static JsonArray OneVariable(string key, string value) => new(new JsonObject
    {
        ["variable_type"] = "env_var", ["key"] = key, ["value"] = value, ["protected"] = false,
        ["masked"] = true, ["hidden"] = false, ["raw"] = false, ["environment_scope"] = "*", ["description"] = null,
    });

    private static void AssertNoSecret(KeylessRun run, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            for (var i = 0; i + 12 <= secret.Length; i += 4)
            {
                Assert.DoesNotContain(secret.Substring(i, 12), run.StdOut + run.StdErr, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Should_Report_Each_Planted_Secret_With_File_And_Line_And_Exit_1()
    {
        Plant();

        var run = await KeylessProcess.RunAsync(["scan", _dir], workingDirectory: _dir);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ci/deploy.env:2: high[gitlab-token]:", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("ci/deploy.env:3: high[azure-client-secret]:", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("sa.b64:1: high[gcp-service-account-key]:", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("ci@acme-test.iam.gserviceaccount.com", run.StdOut, StringComparison.Ordinal);
        AssertNoSecret(run, Secrets);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("codequality")]
    [InlineData("gitlab-secret-detection")]
    public async Task Should_Keep_Secrets_Out_Of_Every_Format_And_Stderr(string format)
    {
        Plant();

        var run = await KeylessProcess.RunAsync(["scan", _dir, "--format", format], workingDirectory: _dir);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("gitlab-token", run.StdOut, StringComparison.Ordinal);
        AssertNoSecret(run, Secrets);
    }

    [Fact]
    public async Task Should_Not_Report_AWSs_Documentation_Example_Keys()
    {
        // The placeholders of AWS's own guides and SDK READMEs, pasted into a config or a test: never issued.
        File.WriteAllText(Path.Combine(_dir, "credentials"),
            "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");

        var run = await KeylessProcess.RunAsync(["scan", _dir, "--format", "json"], workingDirectory: _dir);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(JsonNode.Parse(run.StdOut)!["findings"]!.AsArray());
    }

    [Fact]
    public async Task Should_Write_Json_To_The_Output_File()
    {
        Plant();
        var report = Path.Combine(_dir, "..", Path.GetFileName(_dir) + ".json");

        var run = await KeylessProcess.RunAsync(["scan", _dir, "--format", "json", "--output", report], workingDirectory: _dir);

        var json = JsonNode.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken))!;
        File.Delete(report);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StdOut);
        Assert.Equal(3, json["findings"]!.AsArray().Count);
    }

    [Fact]
    public async Task Should_Exit_0_On_A_Clean_Folder()
    {
        File.WriteAllText(Path.Combine(_dir, ".gitlab-ci.yml"), "deploy:\n  id_tokens:\n    GCP_ID_TOKEN:\n      aud: https://iam.googleapis.com/x\n");

        var run = await KeylessProcess.RunAsync(["scan", _dir]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no findings", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Judge_An_Export_And_Respect_Fail_On()
    {
        var export = Path.Combine(_dir, "variables.json");
        File.WriteAllText(export, new JsonObject
        {
            ["project"] = new JsonArray(new JsonObject { ["key"] = "GCP_SA_KEY", ["value"] = null, ["protected"] = true, ["masked"] = true, ["hidden"] = true }),
        }.ToJsonString());

        var standard = await KeylessProcess.RunAsync("scan", "--variables", export, "--format", "json");
        var strict = await KeylessProcess.RunAsync("scan", "--variables", export, "--fail-on", "medium");

        Assert.Equal(0, standard.ExitCode);
        Assert.Equal("secret-named-variable", JsonNode.Parse(standard.StdOut)!["findings"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task Should_Scan_The_Live_Api_With_The_Token_From_The_Environment()
    {
        var apiToken = "api-" + Guid.NewGuid().ToString("N");
        using var gitlab = new LoopbackHttpServer(async context =>
        {
            var ok = context.Request.Headers["PRIVATE-TOKEN"] == apiToken
                     && context.Request.RawUrl!.StartsWith("/api/v4/projects/acme%2Fapp/variables", StringComparison.Ordinal);
            var body = Encoding.UTF8.GetBytes(OneVariable("DEPLOY_TOKEN", _token).ToJsonString());
            context.Response.StatusCode = ok ? 200 : 401;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });

        var run = await KeylessProcess.RunAsync(
            ["scan", "--gitlab-url", gitlab.Origin, "--project", "acme/app", "--gitlab-token-env", "KEYLESS_TEST_TOKEN"],
            environment: new Dictionary<string, string> { ["KEYLESS_TEST_TOKEN"] = apiToken });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("critical[gitlab-token]: Variable DEPLOY_TOKEN (project acme/app, environment scope *)", run.StdOut, StringComparison.Ordinal);
        AssertNoSecret(run, [_token, apiToken]);
    }

    [Fact]
    public async Task Should_Walk_A_Groups_Subgroups_And_Projects_Naming_Each_Owner_And_A_Forbidden_Project()
    {
        var apiToken = "api-" + Guid.NewGuid().ToString("N");
        var lists = new Dictionary<string, JsonArray>(StringComparer.Ordinal)
        {
            ["/api/v4/groups/acme/variables"] = [],
            ["/api/v4/groups/acme/descendant_groups"] = new(new JsonObject { ["id"] = 2, ["full_path"] = "acme/platform", ["parent_id"] = 1 }),
            ["/api/v4/groups/acme/projects"] = new(
                new JsonObject { ["id"] = 3, ["path_with_namespace"] = "acme/platform/api" },
                new JsonObject { ["id"] = 4, ["path_with_namespace"] = "acme/locked" }),
            ["/api/v4/groups/acme%2Fplatform/variables"] = OneVariable("SUB_TOKEN", _token),
            ["/api/v4/projects/acme%2Fplatform%2Fapi/variables"] = OneVariable("ARM_CLIENT_SECRET", _azure),
        };
        using var gitlab = new LoopbackHttpServer(async context =>
        {
            var raw = context.Request.RawUrl!;
            var path = raw.Split('?')[0];
            var status = context.Request.Headers["PRIVATE-TOKEN"] != apiToken ? 401 : lists.ContainsKey(path) ? 200 : path.Contains("locked", StringComparison.Ordinal) ? 403 : 404;
            var body = Encoding.UTF8.GetBytes(status == 200 ? lists[path].ToJsonString() : "{\"message\":\"" + status + "\"}");
            context.Response.StatusCode = status;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });

        var run = await KeylessProcess.RunAsync(
            ["scan", "--gitlab-url", gitlab.Origin, "--group", "acme", "--gitlab-token-env", "KEYLESS_TEST_TOKEN"],
            environment: new Dictionary<string, string> { ["KEYLESS_TEST_TOKEN"] = apiToken });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Variable SUB_TOKEN (group acme/platform, environment scope *)", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("Variable ARM_CLIENT_SECRET (project acme/platform/api, environment scope *)", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("project acme/locked: 403 Forbidden", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("high[not-scanned]: The CI/CD variables of project acme/locked were not scanned", run.StdOut, StringComparison.Ordinal);
        AssertNoSecret(run, [_token, _azure, apiToken]);
    }

    [Fact]
    public async Task Should_Exit_4_When_The_Only_Gap_Is_A_Project_It_Could_Not_Read_And_Report_It()
    {
        var apiToken = "api-" + Guid.NewGuid().ToString("N");
        var lists = new Dictionary<string, JsonArray>(StringComparer.Ordinal)
        {
            ["/api/v4/groups/acme/variables"] = [],
            ["/api/v4/groups/acme/descendant_groups"] = [],
            ["/api/v4/groups/acme/projects"] = new(
                new JsonObject { ["id"] = 3, ["path_with_namespace"] = "acme/app" },
                new JsonObject { ["id"] = 4, ["path_with_namespace"] = "acme/locked" }),
            ["/api/v4/projects/acme%2Fapp/variables"] = OneVariable("DEPLOY_ENV", "production"),
        };
        using var gitlab = new LoopbackHttpServer(async context =>
        {
            var path = context.Request.RawUrl!.Split('?')[0];
            var status = context.Request.Headers["PRIVATE-TOKEN"] != apiToken ? 401 : lists.ContainsKey(path) ? 200 : 403;
            var body = Encoding.UTF8.GetBytes(status == 200 ? lists[path].ToJsonString() : "{\"message\":\"403 Forbidden\"}");
            context.Response.StatusCode = status;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });

        var run = await KeylessProcess.RunAsync(
            ["scan", "--gitlab-url", gitlab.Origin, "--group", "acme", "--gitlab-token-env", "KEYLESS_TEST_TOKEN", "--format", "json"],
            environment: new Dictionary<string, string> { ["KEYLESS_TEST_TOKEN"] = apiToken });

        Assert.True(run.ExitCode == 4, run.StdErr);
        var finding = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray().Single()!;
        Assert.Equal(("not-scanned", "acme/locked"), ((string)finding["id"]!, (string)finding["identity"]!));
        Assert.Equal(gitlab.Origin + "/api/v4/projects/acme%2Flocked/variables", (string)finding["location"]!["file"]!);
        AssertNoSecret(run, [apiToken]);
    }

    [Fact]
    public async Task Should_Exit_2_Before_Sending_The_Api_Token_Over_Plain_Http_To_Another_Host()
    {
        var apiToken = "glpat-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10));

        var run = await KeylessProcess.RunAsync(
            ["scan", "--gitlab-url", "http://gitlab.invalid", "--project", "acme/app", "--gitlab-token-env", "KEYLESS_TEST_TOKEN"],
            environment: new Dictionary<string, string> { ["KEYLESS_TEST_TOKEN"] = apiToken });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--gitlab-url", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("clear text", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        AssertNoSecret(run, [apiToken]);
    }

    [Theory]
    [InlineData("https://root:hunter2-pw@gitlab.example.com")]
    [InlineData("https://gitlab.example.com/?private_token=hunter2-pw")]
    [InlineData("ftp://root:hunter2-pw@gitlab.example.com")]
    public async Task Should_Exit_2_On_A_Gitlab_Url_With_User_Info_Or_A_Query_Without_Echoing_It(string url)
    {
        // With a token at hand, nothing but the URL check stands between the URL and a request (and its errors).
        var run = await KeylessProcess.RunAsync(
            ["scan", "--gitlab-url", url, "--project", "acme/app", "--gitlab-token-env", "KEYLESS_TEST_TOKEN"],
            environment: new Dictionary<string, string> { ["KEYLESS_TEST_TOKEN"] = "glpat-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10)) });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--gitlab-url", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-pw", run.StdErr + run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Show_Help_With_Every_Option()
    {
        var run = await KeylessProcess.RunAsync("scan", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--variables", "--gitlab-url", "--gitlab-token-env", "--project", "--group", "--instance", "--format", "--fail-on", "--output" })
        {
            Assert.Contains(option, run.StdOut, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "severe")]
    public async Task Should_Exit_2_On_Bad_Options(string option, string value)
    {
        var run = await KeylessProcess.RunAsync("scan", _dir, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_Naming_A_Missing_Path_Without_A_Stack_Trace()
    {
        var run = await KeylessProcess.RunAsync("scan", "no/such/folder");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no/such/folder", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_Naming_The_Json_Path_Of_A_Bad_Export()
    {
        var export = Path.Combine(_dir, "bad.json");
        File.WriteAllText(export, "[{\"key\": \"A\", \"masked\": \"yes\"}]");

        var run = await KeylessProcess.RunAsync("scan", "--variables", export);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.json ($[0].masked)", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"key\": \"A\", \"value\": \"\\uD800x\"}]")]
    [InlineData("[{\"key\": \"A\", \"value\": \"x\", \"value\": \"y\"}]")]
    public async Task Should_Exit_2_On_An_Export_Two_Readers_Could_See_Differently(string json)
    {
        var export = Path.Combine(_dir, "odd.json");
        File.WriteAllText(export, json);

        var run = await KeylessProcess.RunAsync("scan", "--variables", export);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("odd.json", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_When_The_Token_Variable_Is_Unset()
    {
        var run = await KeylessProcess.RunAsync("scan", "--project", "1", "--gitlab-token-env", "KEYLESS_TEST_UNSET_" + Guid.NewGuid().ToString("N"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--gitlab-token-env", run.StdErr, StringComparison.Ordinal);
    }
}
