using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Emulator.Reads;
using Keyless.Formats.Inputs;
using Keyless.Testing;

namespace Keyless.Cli.Tests;

/// <summary>
/// <c>keyless pull</c> and <c>audit --live</c> as a user runs them, against the emulator's read APIs over HTTPS: the
/// contract's exit codes (0 complete, 4 partial, 2 bad arguments), what standard error says while and after it reads,
/// and a refused call reported with the permission the API named.
/// </summary>
public sealed class PullCommandTests : IDisposable
{
    private const string Denied = "iam.serviceAccounts.list";

    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-pull-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Connect(RunningEmulator emu) => ["--emulator", emu.Https, "--ca-file", emu.CertificatePath];

    // Listing the service accounts of acme-prod is refused every time, as IAM refuses a caller without the permission.
    private static Task<RunningEmulator> StartDenyingAsync() =>
        RunningEmulator.StartAsync(configure: o => o with
        {
            Faults = [new ReadFault { PathContains = "/projects/acme-prod/serviceAccounts", Status = 403, Times = 0 }],
        });

    [Fact]
    public async Task Pull_gcp_writes_the_folder_shows_progress_and_exits_0()
    {
        await using var emu = await RunningEmulator.StartAsync();
        var output = Path.Combine(_dir, "pull");

        var run = await KeylessProcess.RunAsync(["pull", "gcp", "--project", "acme-prod", .. Connect(emu), "--out", output]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Matches(@"keyless pull: gcp:acme-prod: done \(1 done, \d+\.\d s\)", run.StdErr);
        Assert.Contains("keyless pull: complete", run.StdErr, StringComparison.Ordinal);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "pull.json"), TestContext.Current.CancellationToken))!["pulls"]![0]!;
        Assert.Equal("complete", (string)record["result"]!);
        Assert.True(File.Exists(Path.Combine(output, "keyless-manifest.json")));
    }

    [Fact]
    public async Task Pull_gcp_folder_lists_its_projects_over_pages_and_pulls_each()
    {
        // The emulator puts every project it serves under one parent, folders/100 unless told otherwise.
        var trust = TrustLoader.Load([Path.Combine(RepoPaths.Root, "tests", "Keyless.Pull.Tests", "Fixtures", "two-projects")]);
        await using var emu = await RunningEmulator.StartAsync(trust, configure: o => o with { MaxPageSize = 1 });
        var output = Path.Combine(_dir, "pull");

        var run = await KeylessProcess.RunAsync(["pull", "gcp", "--folder", "100", .. Connect(emu), "--out", output]);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("keyless pull: gcp folder 100: ", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("keyless pull: gcp:acme-prod: done", run.StdErr, StringComparison.Ordinal);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "pull.json"), TestContext.Current.CancellationToken))!["pulls"]![0]!;
        var listing = record["lists"]!.AsArray().Single(l => (string)l!["list"]! == "gcp-projects/folder-100")!;
        Assert.True((int)listing["pages"]! == 2 && (int)listing["items"]! == 2, listing.ToJsonString());
        Assert.Contains("keyless pull: gcp:acme-data: done", run.StdErr, StringComparison.Ordinal);
        Assert.Equal((int)listing["items"]!, record["scopes"]!.AsArray().Count(s => ((string)s!).StartsWith("gcp:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_list_is_a_partial_pull_exit_4_naming_the_permission()
    {
        await using var emu = await StartDenyingAsync();

        var run = await KeylessProcess.RunAsync(["pull", "gcp", "--project", "acme-prod", .. Connect(emu), "--out", Path.Combine(_dir, "pull")]);

        Assert.True(run.ExitCode == 4, run.StdErr);
        Assert.Contains("not verified: gcp:acme-prod: iam serviceAccounts.list", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("missing permission: " + Denied, run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_live_reports_what_it_could_not_read_as_not_verified_and_exits_4_for_incomplete()
    {
        await using var emu = await StartDenyingAsync();

        // The pool is read and audits clean (the hardened example); only the service accounts were refused.
        var run = await KeylessProcess.RunAsync(["audit", "--live", "gcp:acme-prod", .. Connect(emu), "--format", "json", "--fail-on", "critical"]);

        Assert.True(run.ExitCode == 4, run.StdErr);
        var findings = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray();
        var finding = findings.Single(f => (string)f!["id"]! == "not-verified")!;
        Assert.Contains(Denied, finding.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => (string)f!["severity"]! == "critical");
    }

    [Fact]
    public async Task Audit_live_gcp_folder_walks_its_subfolders_and_audits_every_project_as_the_folder_does()
    {
        var fixture = Path.Combine(RepoPaths.Root, "tests", "Keyless.Pull.Tests", "Fixtures", "two-projects");
        await using var emu = await RunningEmulator.StartAsync(TrustLoader.Load([fixture]), configure: o => o with
        {
            GcpFolders = new Dictionary<string, string> { ["folders/200"] = "folders/100" },
            GcpProjectParents = new Dictionary<string, string> { ["acme-data"] = "folders/200" },
        });

        var live = await KeylessProcess.RunAsync(["audit", "--live", "gcp-folder:100", .. Connect(emu), "--format", "json", "--group-by", "identity"]);
        var offline = await KeylessProcess.RunAsync(["audit", fixture, "--format", "json", "--group-by", "identity"]);

        Assert.True(live.ExitCode == offline.ExitCode, live.StdErr);
        Assert.Contains("keyless pull: gcp:acme-data: done", live.StdErr, StringComparison.Ordinal);
        static IEnumerable<string> Keys(string report) => JsonNode.Parse(report)!["findings"]!.AsArray()
            .Select(f => $"{f!["id"]} {f["identity"]} {f["persona"]}").Order(StringComparer.Ordinal);
        Assert.NotEmpty(Keys(offline.StdOut));
        Assert.Equal(Keys(offline.StdOut), Keys(live.StdOut));
    }

    [Theory]
    [InlineData(new[] { "audit", "--live", "gcp-folder:folders/12" }, "--live")]
    [InlineData(new[] { "pull", "gcp", "--out", "x" }, "--project")]
    [InlineData(new[] { "pull", "gcp", "--folder", "folders/12", "--out", "x" }, "--folder 'folders/12'")]
    [InlineData(new[] { "pull", "gcp", "--organization", "acme", "--out", "x" }, "--organization 'acme'")]
    [InlineData(new[] { "pull", "gcp", "--project", "p", "--out", "x", "--emulator", "not a url" }, "--emulator")]
    [InlineData(new[] { "pull", "gcp", "--project", "p", "--out", "x", "--endpoint", "sts=https://example.com" }, "--endpoint")]
    [InlineData(new[] { "audit", "--live", "aws:123" }, "--live")]
    public async Task Bad_arguments_exit_2_and_name_the_option(string[] args, string named)
    {
        var run = await KeylessProcess.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.StdOut + run.StdErr);
        Assert.Contains(named, run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }
}
