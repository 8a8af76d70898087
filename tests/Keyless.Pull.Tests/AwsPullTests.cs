using System.Text.Json.Nodes;
using Keyless.Emulator.Reads;
using Keyless.Trust.Audits;
using Keyless.Trust.Model;

namespace Keyless.Pull.Tests;

/// <summary>
/// <c>pull aws</c> against the emulator's IAM: every <c>Marker</c> page, roles that trust an OIDC provider and no other,
/// users' access keys as metadata, and IAM's own faults (HTTP 400 <c>Throttling</c>, 5xx, <c>AccessDenied</c> on one
/// call, a connection dropped mid-page), each reported by name.
/// </summary>
public sealed class AwsPullTests
{
    private const string Account = "111122223333";

    [Fact]
    public async Task Every_page_is_read_and_the_audit_of_the_pull_equals_the_audit_of_the_account()
    {
        var trust = Fixtures.AwsAccount();
        using var pull = new EmulatedPull(trust, o => o with { MaxPageSize = 1 });
        var outcome = await pull.AwsAsync(Account);
        Assert.True(outcome.ExitCode == PullOutcome.Complete, string.Join("; ", outcome.Failures.Select(f => f.Reason)));

        var pulled = pull.Load();
        Assert.Equal(["gitlab-deploy", "gitlab-group-any"], pulled.AwsRoles.Select(r => r.Name).Order(StringComparer.Ordinal));
        var provider = Assert.Single(pulled.AwsProviders);
        Assert.Equal(("gitlab.com", $"arn:aws:iam::{Account}:oidc-provider/gitlab.com", "sts.amazonaws.com"), (provider.Url, provider.Arn, Assert.Single(provider.ClientIds)));
        Assert.Equal(
            ["alice AKIAI44QH8DHBEXAMPLE Inactive", "alice AKIAIOSFODNN7EXAMPLE Active", "ci-bot AKIAJ7Q2CIBOTEXAMPLE Active"],
            pulled.StaticCredentials.Select(c => $"{c.Owner} {c.KeyId} {c.DisplayName}").Order(StringComparer.Ordinal));
        Assert.Empty(pulled.Skipped);
        Assert.DoesNotContain(pulled.Notes, n => n.Contains("IsTruncated", StringComparison.Ordinal));

        // The EC2 role is read (its page is written) but left out: it trusts no identity provider.
        var rolePages = Directory.GetFiles(Path.Combine(pull.Folder, "aws", Account), "roles.page-*.json");
        Assert.Equal(3, rolePages.Length);
        Assert.DoesNotContain(rolePages, f => File.ReadAllText(f).Contains("ec2-app", StringComparison.Ordinal));

        // The federation trust is the same, and so are the static keys the audit lists (the EC2 role is no finding).
        Assert.Equal(
            Auditor.Run(trust).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal),
            Auditor.Run(pulled).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal));

        // Calls: the provider list and one per provider, then one per page (3 roles, 2 users, a page per key of each user).
        var record = (JsonObject)pull.Record["pulls"]![0]!;
        var lists = record["lists"]!.AsArray().ToDictionary(l => l!["list"]!.GetValue<string>(), l => l!["pages"]!.GetValue<int>());
        Assert.Equal(3, lists[$"aws/{Account}/roles"]);
        Assert.Equal(2, lists[$"aws/{Account}/users"]);
        Assert.Equal(2, lists[$"aws/{Account}/users/alice/access-keys"]);
        Assert.Equal(2 + lists.Values.Sum(), outcome.Calls["aws-iam"]);
        Assert.Equal(outcome.Calls["aws-iam"], pull.Core.ReadCalls["iam"]);
        Assert.Equal("2010-05-08", record["apiVersions"]!["aws-iam"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_secret_reaches_the_folder_and_a_real_key_id_is_written_as_the_metadata_it_is()
    {
        // A key id as IAM hands them out (not a documentation placeholder), built here so no file of the repository holds one.
        var keyId = "AKIA" + "Q7ZL3M5N2P4R6TWX";
        var trust = Fixtures.AwsAccount();
        trust = trust with
        {
            StaticCredentials = [.. trust.StaticCredentials, new StaticCredential
            {
                Kind = StaticCredentialKind.AwsAccessKey, Owner = "deployer", KeyId = keyId, DisplayName = "Active", Source = new SourceRef("(test)", null),
            }],
        };
        using var pull = new EmulatedPull(trust);
        var outcome = await pull.AwsAsync(Account);
        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);
        Assert.Contains(pull.Load().StaticCredentials, c => c.KeyId == keyId);
        Assert.All(pull.Files(), f => Assert.DoesNotContain("SecretAccessKey", f.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_and_a_connection_dropped_mid_page_loses_nothing()
    {
        var trust = Fixtures.AwsAccount();
        using var pull = new EmulatedPull(trust, o => o with
        {
            MaxPageSize = 1,
            Faults =
            [
                // IAM throttles with HTTP 400 and the code Throttling; the emulator plays status=429 that way.
                new ReadFault { PathContains = "Action=ListRoles", Status = 429, Times = 2 },
                new ReadFault { PathContains = "Action=GetOpenIDConnectProvider", Status = 500, Times = 1 },
                new ReadFault { PathContains = "Action=ListAccessKeys", Drop = true, Times = 1 },
            ],
        });
        var outcome = await pull.AwsAsync(Account);
        Assert.True(outcome.ExitCode == PullOutcome.Complete, string.Join("; ", outcome.Failures.Select(f => f.Reason)));
        var retries = pull.Record["pulls"]![0]!["retries"]!.AsArray().Select(r => (r!["path"]!.GetValue<string>(), r["outcome"]!.GetValue<string>())).ToList();
        Assert.Equal(2, retries.Count(r => r == ("/?Action=ListRoles", "400 throttled")));
        Assert.Contains(("/?Action=GetOpenIDConnectProvider", "500"), retries);
        Assert.Contains(retries, r => r.Item1 == "/?Action=ListAccessKeys" && r.Item2.StartsWith("connection dropped mid-answer", StringComparison.Ordinal));
        Assert.Equal(
            Auditor.Run(trust).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal),
            Auditor.Run(pull.Load()).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_expired_key_is_refreshed_once_and_the_read_goes_on()
    {
        using var pull = new EmulatedPull(Fixtures.AwsAccount(), o => o with
        {
            // The emulator plays an expired credential as AWS answers it: 403 ExpiredToken.
            Faults = [new ReadFault { PathContains = "Action=ListOpenIDConnectProviders", Status = 401, Times = 1 }],
        });
        var outcome = await pull.AwsAsync(Account);
        Assert.True(outcome.ExitCode == PullOutcome.Complete, string.Join("; ", outcome.Failures.Select(f => f.Reason)));
        var retry = Assert.Single(pull.Record["pulls"]![0]!["retries"]!.AsArray());
        Assert.Equal(("/?Action=ListOpenIDConnectProviders", "403, credential refreshed"), (retry!["path"]!.GetValue<string>(), retry["outcome"]!.GetValue<string>()));
        Assert.Single(pull.Load().AwsProviders);
    }

    [Fact]
    public async Task Access_denied_on_one_call_is_a_partial_pull_that_names_the_iam_action_and_the_audit_reports_it()
    {
        using var pull = new EmulatedPull(Fixtures.AwsAccount(), o => o with
        {
            Faults = [new ReadFault { PathContains = "Action=ListUsers", Status = 403, Times = 0 }],
        });
        var outcome = await pull.AwsAsync(Account);
        Assert.Equal(PullOutcome.Partial, outcome.ExitCode);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(($"aws:{Account}", "aws-iam ListUsers", 403, "iam:ListUsers"), (failure.Scope.ToString(), failure.Call, failure.Status, failure.Permission));
        Assert.Contains("AccessDenied: User: ", failure.Reason, StringComparison.Ordinal);
        Assert.EndsWith("missing permission: iam:ListUsers", failure.Reason, StringComparison.Ordinal);

        // The roles and providers are written and audited; the account is reported as not verified.
        var pulled = pull.Load();
        Assert.Equal(2, pulled.AwsRoles.Count);
        Assert.Empty(pulled.StaticCredentials);
        Assert.Contains(Auditor.Run(pulled), f => f.Id == "not-verified" && f.Message.Contains("iam:ListUsers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_that_keeps_dropping_is_reported_by_name_and_the_rest_is_written()
    {
        using var pull = new EmulatedPull(Fixtures.AwsAccount(), o => o with
        {
            MaxPageSize = 1,
            Faults = [new ReadFault { PathContains = "Action=ListRoles", Drop = true, Times = 0 }],
        }, new PullOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxRetries = 2 });
        var outcome = await pull.AwsAsync(Account);
        Assert.Equal(PullOutcome.Partial, outcome.ExitCode);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(("aws-iam ListRoles", 0), (failure.Call, failure.Status));
        Assert.Contains("connection dropped mid-answer", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("(after 3 attempts)", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(3, pull.Load().StaticCredentials.Count);
    }
}
