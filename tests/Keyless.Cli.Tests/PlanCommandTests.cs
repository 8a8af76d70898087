using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary><c>keyless plan</c> as a user runs it: files written and listed, bad intent is exit 2 with the place.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keyless-plan-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Should_Write_Every_Format_And_List_The_Files()
    {
        var run = await KeylessProcess.RunAsync("plan", Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), "--out", _folder);

        Assert.Equal(0, run.ExitCode);
        foreach (var file in new[] { "terraform/main.tf", "scripts/gcloud.sh", "scripts/az.sh", "scripts/gitlab-api.sh", "bicep/applications.bicep", "gitlab-ci/acme-payments.gitlab-ci.yml" })
        {
            Assert.True(File.Exists(Path.Combine(_folder, file)), file);
            Assert.Contains(file.Replace('/', Path.DirectorySeparatorChar), run.StdOut, StringComparison.Ordinal);
        }

        // The committed example output is what the command writes.
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepoPaths.Examples, "plan", "out", "terraform", "main.tf")),
            File.ReadAllText(Path.Combine(_folder, "terraform", "main.tf")));
    }

    [Fact]
    public async Task Should_Write_Terraform_Json_When_Asked()
    {
        var run = await KeylessProcess.RunAsync("plan", Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), "--out", _folder, "--terraform-syntax", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder, "terraform", "main.tf.json")));
        Assert.False(File.Exists(Path.Combine(_folder, "terraform", "main.tf")));
    }

    [Fact]
    public async Task Should_Exit_2_With_File_Line_And_Column_On_Bad_Intent()
    {
        var intent = Path.Combine(_folder, "keyless.yml");
        await File.WriteAllTextAsync(intent, "project: { path: acme/payments, id: 4242 }\ngcp:\n  projekt: acme-prod\n", TestContext.Current.CancellationToken);

        var run = await KeylessProcess.RunAsync("plan", intent, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{intent}:3:3", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("unknown key 'projekt'", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public async Task Should_Exit_2_At_The_Role_When_Its_Aws_Trust_Policy_Is_Over_The_Quota()
    {
        var intent = Path.Combine(_folder, "keyless.yml");
        var refs = string.Join(", ", Enumerable.Range(1, 7).Select(i => $"release/{i}.x"));
        await File.WriteAllTextAsync(intent, $"project: {{ path: acme/payments, id: 4242 }}\naws:\n  account_id: \"123456789012\"\n  roles:\n    - name: deploy\n      refs: [{refs}]\n",
            TestContext.Current.CancellationToken);

        var run = await KeylessProcess.RunAsync("plan", intent, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{intent}:5:7 (aws.roles[0])", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("Split it into roles of at most 6 statements", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Theory]
    [InlineData("--terraform-syntax", "yaml")]
    [InlineData("--out", "")]
    public async Task Should_Exit_2_On_Bad_Options(string option, string value)
    {
        var run = await KeylessProcess.RunAsync("plan", Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), "--out", _folder, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_When_The_Intent_File_Is_Missing()
    {
        var run = await KeylessProcess.RunAsync("plan", Path.Combine(_folder, "nope.yml"), "--out", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.yml", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Component_jobs_extend_the_login_components_and_come_to_what_inline_writes()
    {
        var intent = Path.Combine(RepoPaths.Examples, "plan", "keyless.yml");
        var inline = Path.Combine(_folder, "inline");
        var component = Path.Combine(_folder, "component");
        Assert.Equal(0, (await KeylessProcess.RunAsync("plan", intent, "--out", inline)).ExitCode);
        var run = await KeylessProcess.RunAsync("plan", intent, "--out", component, "--ci", "component", "--component-source", "$CI_SERVER_FQDN/platform/keyless@0.1.0");
        Assert.Equal(0, run.ExitCode);

        foreach (var file in Directory.GetFiles(Path.Combine(component, "gitlab-ci")))
        {
            await Keyless.Testing.JsonSchemaCheck.AssertValidFilesAsync(Keyless.Testing.JsonSchemaCheck.GitLabCi, [file]);
            var planned = Yaml(File.ReadAllText(file));
            var written = Yaml(File.ReadAllText(Path.Combine(inline, "gitlab-ci", Path.GetFileName(file))));

            // Each include, rendered as GitLab would with its inputs, is a login job; each planned job extends one.
            var logins = new Dictionary<string, System.Text.Json.Nodes.JsonObject>(StringComparer.Ordinal);
            foreach (var include in planned["include"]?.AsArray() ?? [])
            {
                var reference = (string)include!["component"]!;
                Assert.StartsWith("$CI_SERVER_FQDN/platform/keyless/login-", reference, StringComparison.Ordinal);
                Assert.EndsWith("@0.1.0", reference, StringComparison.Ordinal);
                var name = reference["$CI_SERVER_FQDN/platform/keyless/".Length..^"@0.1.0".Length];
                var inputs = include["inputs"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
                var rendered = Yaml(ComponentTemplate.Render(name, inputs)).Single();
                logins[rendered.Key] = rendered.Value!.AsObject();
            }

            foreach (var (jobName, job) in planned.Where(p => p.Key != "include"))
            {
                var expected = written[jobName]!;
                if (job!["extends"] is null)
                {
                    // AWS has no login component yet: its jobs are written whole, exactly as inline writes them.
                    Assert.Contains("keyless login aws ", LoginLine(job["script"]!), StringComparison.Ordinal);
                    Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected, job), jobName);
                    continue;
                }

                var login = logins[(string)job["extends"]!];
                Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected["id_tokens"], login["id_tokens"]), jobName);
                Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected["rules"], job["rules"]), jobName);
                Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected["environment"], job["environment"]), jobName);
                Assert.Equal(LoginLine(expected["script"]!), LoginLine(login["before_script"]!));
            }
        }
    }

    [Fact]
    public async Task An_unknown_ci_style_is_bad_usage()
    {
        var run = await KeylessProcess.RunAsync("plan", Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), "--out", _folder, "--ci", "both");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("inline, component", run.StdErr, StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonObject Yaml(string text)
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(text);
        return System.Text.Json.Nodes.JsonNode.Parse(new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build().Serialize(yaml))!.AsObject();
    }

    // The keyless login command of a script, its words without the quoting either writer chose.
    private static string LoginLine(System.Text.Json.Nodes.JsonNode script) =>
        string.Join(' ', script.AsArray().Select(l => (string)l!).Single(l => l.StartsWith("keyless login", StringComparison.Ordinal))
            .Replace("'", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
