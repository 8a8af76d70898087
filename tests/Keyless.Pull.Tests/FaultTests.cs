using System.Text.Json.Nodes;
using Keyless.Emulator.Reads;
using Keyless.Trust.Audits;

namespace Keyless.Pull.Tests;

/// <summary>Faults the emulator plays on its read APIs, and what a pull makes of each: nothing lost, each reported by name.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_wait_retry_after_asks_for()
    {
        using var pull = new EmulatedPull(Fixtures.TwoProjects(), o => o with
        {
            Faults = [new ReadFault { PathContains = "/projects/acme-data/serviceAccounts", Status = 429, RetryAfterSeconds = 1, Times = 2 }],
        });
        var started = TimeProvider.System.GetTimestamp();
        var outcome = await pull.GcpAsync("acme-prod", "acme-data");
        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);
        // Two waits of a second each; a timer may fire a clock tick before the stopwatch's second is up.
        var waited = TimeProvider.System.GetElapsedTime(started);
        Assert.True(waited >= TimeSpan.FromSeconds(1.9), $"retried after {waited}, before Retry-After");
        var retries = pull.Record["pulls"]![0]!["retries"]!.AsArray();
        Assert.Equal(2, retries.Count(r => r!["outcome"]!.GetValue<string>() == "429"));
        Assert.All(retries, r => Assert.Equal(1.0, r!["waitedSeconds"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Server_errors_and_a_connection_dropped_mid_page_lose_nothing()
    {
        var trust = Fixtures.TwoProjects();
        using var pull = new EmulatedPull(trust, o => o with
        {
            MaxPageSize = 1,
            Faults =
            [
                new ReadFault { PathContains = "/providers", Status = 503, Times = 2 },
                new ReadFault { PathContains = "/workloadIdentityPools", Drop = true, Times = 1 },
                new ReadFault { PathContains = "/keys", Status = 500, Times = 1 },
            ],
        });
        var outcome = await pull.GcpAsync("acme-prod", "acme-data");
        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);
        var outcomes = pull.Record["pulls"]![0]!["retries"]!.AsArray().Select(r => r!["outcome"]!.GetValue<string>()).ToList();
        Assert.Contains(outcomes, o => o.StartsWith("connection dropped mid-answer", StringComparison.Ordinal));
        Assert.Equal(2, outcomes.Count(o => o == "503"));
        Assert.Equal(
            Auditor.Run(trust).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal),
            Auditor.Run(pull.Load()).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_403_on_one_project_is_a_partial_pull_that_names_the_permission_and_the_audit_reports_it()
    {
        using var pull = new EmulatedPull(Fixtures.TwoProjects(), o => o with
        {
            Faults = [new ReadFault { PathContains = "/projects/acme-data/serviceAccounts", Status = 403, Times = 0 }],
        });
        var outcome = await pull.GcpAsync("acme-prod", "acme-data");
        Assert.Equal(PullOutcome.Partial, outcome.ExitCode);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(("gcp:acme-data", "iam serviceAccounts.list", 403, "iam.serviceAccounts.list"),
            (failure.Scope.ToString(), failure.Call, failure.Status, failure.Permission));
        Assert.Equal("partial", pull.Record["pulls"]![0]!["result"]!.GetValue<string>());

        var findings = Auditor.Run(pull.Load());
        var notVerified = Assert.Single(findings, f => f.Id == "not-verified");
        Assert.Equal("gcp:acme-data", notVerified.Identity);
        Assert.Contains("iam.serviceAccounts.list", notVerified.Message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Identity == "deployer@acme-prod.iam.gserviceaccount.com" || f.Id == "not-verified");
        Assert.DoesNotContain(findings, f => f.Identity?.EndsWith("@acme-data.iam.gserviceaccount.com", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_expired_credential_is_refreshed_once()
    {
        using var pull = new EmulatedPull(Fixtures.TwoProjects(), o => o with
        {
            Faults = [new ReadFault { PathContains = "/serviceAccounts", Status = 401, Times = 1 }],
        });
        var outcome = await pull.GcpAsync("acme-prod");
        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);
        Assert.Contains(pull.Record["pulls"]![0]!["retries"]!.AsArray(), r => r!["outcome"]!.GetValue<string>() == "401, credential refreshed");
    }

    [Fact]
    public async Task Nothing_readable_exits_2_with_every_call_named()
    {
        using var pull = new EmulatedPull(Fixtures.TwoProjects(), o => o with
        {
            Faults = [new ReadFault { PathContains = "/v1/projects/", Status = 403, Times = 0 }],
        });
        var outcome = await pull.GcpAsync("acme-prod");
        Assert.Equal(PullOutcome.NothingRead, outcome.ExitCode);
        Assert.Equal(4, outcome.Failures.Count);
        Assert.All(outcome.Failures, f => Assert.NotNull(f.Permission));
        Assert.Equal("nothing read", JsonNode.Parse(File.ReadAllText(Path.Combine(pull.Folder, "pull.json")))!["pulls"]![0]!["result"]!.GetValue<string>());
    }
}
