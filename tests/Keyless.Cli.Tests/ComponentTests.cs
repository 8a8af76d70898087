using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>
/// The CI/CD components of templates/: each with a README naming its inputs, valid against GitLab's CI schema as
/// written and as rendered, linted clean by keyless lint once rendered; the login components, rendered with their
/// inputs, exchange a token against the emulator by running their own before_script; the audit component writes
/// reports GitLab's schemas accept.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ComponentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-components-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Values for every required input, as a project would give them.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Example = new(StringComparer.Ordinal)
    {
        ["login-gcp"] = new() { ["provider"] = LoginTestEmulator.Provider, ["service-account"] = LoginTestEmulator.ServiceAccount, ["project-id"] = "4242" },
        ["login-azure"] = new() { ["tenant"] = LoginTestEmulator.Tenant, ["client-id"] = LoginTestEmulator.ClientId, ["project-id"] = "4242" },
        ["audit"] = new() { ["trust"] = "infra/trust" },
        ["lint"] = new(),
        ["scan"] = new(),
        ["verify"] = new()
        {
            ["live"] = "gcp:acme-prod gitlab:acme/payments",
            ["cloud"] = "gcp",
            ["audience"] = LoginTestEmulator.Provider,
            ["provider"] = LoginTestEmulator.Provider,
            ["service-account"] = "keyless-reader@acme-prod.iam.gserviceaccount.com",
            ["project-id"] = "4242",
        },
    };

    public static TheoryData<string> Components => [.. ComponentTemplate.Names];

    [Fact]
    public void The_project_has_the_six_components()
    {
        Assert.Equal(["audit", "lint", "login-azure", "login-gcp", "scan", "verify"], ComponentTemplate.Names);
        Assert.Equal(ComponentTemplate.Names, Example.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Each_has_a_readme_that_names_every_input(string name)
    {
        var readme = Path.Combine(ComponentTemplate.Folder, name + ".md");
        Assert.True(File.Exists(readme), $"templates/{name}.md is missing");
        var text = File.ReadAllText(readme);

        Assert.Contains($"/{name}@", text, StringComparison.Ordinal);
        foreach (var input in ComponentTemplate.Inputs(name).Keys)
        {
            Assert.Contains($"`{input}`", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Components))]
    public async Task Each_is_valid_against_GitLabs_ci_schema_as_written_and_rendered(string name)
    {
        var rendered = ComponentTemplate.RenderTo(_dir, name, Example[name]);

        await JsonSchemaCheck.AssertValidFilesAsync(JsonSchemaCheck.GitLabCi, [ComponentTemplate.PathOf(name), rendered]);
    }

    [Theory]
    [MemberData(nameof(Components))]
    public async Task Each_rendered_lints_clean(string name)
    {
        var rendered = ComponentTemplate.RenderTo(_dir, name, Example[name]);

        var run = await KeylessProcess.RunAsync("lint", rendered, "--format", "json", "--fail-on", "info");

        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        Assert.Empty(JsonNode.Parse(run.StdOut)!["findings"]!.AsArray());
        Assert.DoesNotContain("warning", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_gcp_rendered_with_its_inputs_exchanges_the_jobs_token_at_the_emulator()
    {
        await using var emulator = await LoginTestEmulator.StartAsync();
        var job = RenderedJob("login-gcp", new()
        {
            ["provider"] = LoginTestEmulator.Provider,
            ["service-account"] = LoginTestEmulator.ServiceAccount,
            ["project-id"] = "4242",
            ["login-args"] = string.Join(' ', emulator.GcpEndpoints),
        });
        var (variable, aud) = IdToken(job);

        var run = await RunJobAsync(job, variable, await emulator.MintAsync(aud),
            "test -s \"$GOOGLE_APPLICATION_CREDENTIALS\" && test \"$CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE\" = \"$GOOGLE_APPLICATION_CREDENTIALS\" && echo credentials-left");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("credentials-left", run.StdOut, StringComparison.Ordinal);
        Assert.Equal(LoginTestEmulator.Provider, aud);
    }

    [Fact]
    public async Task Login_azure_rendered_with_its_inputs_exchanges_the_jobs_token_at_the_emulator()
    {
        await using var emulator = await LoginTestEmulator.StartAsync();
        var job = RenderedJob("login-azure", new()
        {
            ["tenant"] = LoginTestEmulator.Tenant,
            ["client-id"] = LoginTestEmulator.ClientId,
            ["project-id"] = "4242",
            ["login-args"] = string.Join(' ', emulator.AzureEndpoints),
        });
        var (variable, aud) = IdToken(job);

        var run = await RunJobAsync(job, variable, await emulator.MintAsync(aud),
            "test \"$ARM_CLIENT_ID\" = \"" + LoginTestEmulator.ClientId + "\" && test \"$AZURE_TENANT_ID\" = \"" + LoginTestEmulator.Tenant + "\" && echo credentials-left");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("credentials-left", run.StdOut, StringComparison.Ordinal);
        Assert.Equal("api://AzureADTokenExchange", aud);
    }

    [Fact]
    public async Task The_login_jobs_never_run_for_merge_requests_unprotected_refs_or_other_projects()
    {
        foreach (var name in new[] { "login-gcp", "login-azure" })
        {
            var rules = RenderedJob(name, Example[name])["rules"]!.AsArray().Select(r => r!.ToJsonString()).ToList();

            Assert.Contains(rules, r => r.Contains("merge_request_event", StringComparison.Ordinal) && r.Contains("never", StringComparison.Ordinal));
            Assert.Contains(rules, r => r.Contains("$CI_COMMIT_REF_PROTECTED != \\u0022true\\u0022", StringComparison.Ordinal) || r.Contains("$CI_COMMIT_REF_PROTECTED != \\\"true\\\"", StringComparison.Ordinal));
            Assert.Contains(rules, r => r.Contains("$CI_PROJECT_ID != ", StringComparison.Ordinal) && r.Contains("4242", StringComparison.Ordinal));
        }

        await Task.CompletedTask;
    }

    [Fact]
    public async Task Audit_writes_the_sast_and_code_quality_reports_it_uploads_and_they_are_valid()
    {
        var job = RenderedJob("audit", new() { ["trust"] = Path.Combine(RepoPaths.Examples, "gcp-hardened-gcloud") });
        var reports = job["artifacts"]!["reports"]!;

        var run = await RunJobAsync(job, null, null, "ls");

        Assert.True(run.ExitCode == 0, run.ToString());
        await JsonSchemaCheck.AssertValidFilesAsync(JsonSchemaCheck.GitLabSast, [Path.Combine(_dir, (string)reports["sast"]!)]);
        Assert.True(File.Exists(Path.Combine(_dir, (string)reports["codequality"]!)));
    }

    [Fact]
    public async Task Scan_writes_the_secret_detection_report_it_uploads_and_it_is_valid()
    {
        var job = RenderedJob("scan", new() { ["paths"] = RepoPaths.Examples });
        var report = (string)job["artifacts"]!["reports"]!["secret_detection"]!;

        var run = await RunJobAsync(job, null, null, "ls");

        Assert.True(run.ExitCode == 0, run.ToString());
        await JsonSchemaCheck.AssertValidFilesAsync(JsonSchemaCheck.GitLabSecretDetection, [Path.Combine(_dir, report)]);
    }

    [Fact]
    public async Task Verify_logs_in_pulls_the_live_trust_and_writes_the_sast_report_it_uploads()
    {
        await using var emulator = await LoginTestEmulator.StartAsync();
        var job = VerifyJob(emulator);
        var (variable, aud) = IdToken(job);
        var artifacts = job["artifacts"]!;

        var run = await RunJobAsync(job, variable, await emulator.MintAsync(aud), "test -s \"$GOOGLE_APPLICATION_CREDENTIALS\" && echo credentials-left");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("credentials-left", run.StdOut, StringComparison.Ordinal);
        await JsonSchemaCheck.AssertValidFilesAsync(JsonSchemaCheck.GitLabSast, [Path.Combine(_dir, (string)artifacts["reports"]!["sast"]!)]);
        var pulled = Path.Combine(_dir, (string)artifacts["paths"]![0]!);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(pulled, "pull.json"), TestContext.Current.CancellationToken))!;
        var pull = record["pulls"]!.AsArray().Single()!;
        Assert.Equal(("gcp", "complete"), ((string)pull["source"]!, (string)pull["result"]!));
        Assert.Equal(["gcp:acme-prod"], pull["scopes"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Verify_fails_with_exit_4_on_a_partial_read_after_writing_the_report_and_keeping_the_pull()
    {
        // The reader may list the pools but not the service accounts: nothing else is wrong, yet the verdict is partial.
        await using var emulator = await LoginTestEmulator.StartAsync(o => o with
        {
            Faults = [new Keyless.Emulator.Reads.ReadFault { PathContains = "/projects/acme-prod/serviceAccounts", Status = 403, Times = 0 }],
        });
        var job = VerifyJob(emulator);
        var (variable, aud) = IdToken(job);
        var artifacts = job["artifacts"]!;

        var run = await RunJobAsync(job, variable, await emulator.MintAsync(aud), "true");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("not-verified", run.StdOut, StringComparison.Ordinal);
        await JsonSchemaCheck.AssertValidFilesAsync(JsonSchemaCheck.GitLabSast, [Path.Combine(_dir, (string)artifacts["reports"]!["sast"]!)]);
        var pulled = Path.Combine(_dir, (string)artifacts["paths"]![0]!);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(pulled, "pull.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal("partial", (string)record["pulls"]![0]!["result"]!);
    }

    [Fact]
    public void Verify_runs_only_in_scheduled_pipelines_of_protected_refs_of_the_project()
    {
        var rules = RenderedJob("verify", Example["verify"])["rules"]!.AsArray().Select(r => ((string?)r!["if"], (string?)r["when"])).ToList();

        Assert.Equal(("$CI_PIPELINE_SOURCE != \"schedule\"", "never"), rules[0]);
        Assert.Contains(("$CI_COMMIT_REF_PROTECTED != \"true\"", "never"), rules);
        Assert.Contains(("$CI_PROJECT_ID != \"4242\"", "never"), rules);
        Assert.Equal((null, "on_success"), rules[^1]);
    }

    /// <summary>The one job of a rendered component, as JSON.</summary>
    private static JsonObject RenderedJob(string name, Dictionary<string, string> inputs)
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(ComponentTemplate.Render(name, inputs));
        var json = new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build().Serialize(yaml);
        return (JsonObject)JsonNode.Parse(json)!.AsObject().Single().Value!;
    }

    private static (string Variable, string Aud) IdToken(JsonObject job)
    {
        var token = job["id_tokens"]!.AsObject().Single();
        return (token.Key, (string)token.Value!["aud"]!);
    }

    /// <summary>
    /// Runs the job's before_script and script in bash as a runner would (in a scratch project folder, the id_token in
    /// its variable, keyless on the PATH being the keyless under test), then <paramref name="check"/>.
    /// </summary>
    // The verify component rendered to read gcp:acme-prod from the emulator, failing on critical findings only.
    private static JsonObject VerifyJob(LoginTestEmulator emulator) => RenderedJob("verify", new(Example["verify"])
    {
        ["service-account"] = LoginTestEmulator.ServiceAccount,
        ["live"] = "gcp:acme-prod",
        ["login-args"] = string.Join(' ', emulator.GcpEndpoints),
        ["pull-args"] = $"--emulator {emulator.Https} --ca-file {emulator.CertificatePath}",
        ["fail-on"] = "critical",
    });

    private async Task<ToolRun> RunJobAsync(JsonObject job, string? variable, string? token, string check)
    {
        var bin = KeylessShim.Create(_dir);

        var lines = (job["before_script"]?.AsArray() ?? []).Concat(job["script"]?.AsArray() ?? []).Select(l => (string)l!);
        var script = "set -e\ncd '" + _dir + "'\n" + string.Join('\n', lines) + "\n" + check + "\n";
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["NO_COLOR"] = "1",
            ["CI_COMMIT_SHA"] = new string('a', 40),
        };
        if (variable is not null && token is not null)
        {
            environment[variable] = token;
        }

        return await ExternalTool.RunAsync("bash", ["-c", script], environment, timeout: TimeSpan.FromMinutes(2));
    }
}
