using System.Text.Json.Nodes;
using Keyless.Trust.Audits;

namespace Keyless.Pull.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task Every_page_is_written_linked_in_the_manifest_and_read_back_whole()
    {
        var trust = Fixtures.TwoProjects();
        using var pull = new EmulatedPull(trust, o => o with { MaxPageSize = 1 });
        var outcome = await pull.GcpAsync("acme-prod", "acme-data");
        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);

        var lists = pull.Record["pulls"]![0]!["lists"]!.AsArray();
        var accounts = lists.Single(l => l!["list"]!.GetValue<string>() == "gcp/acme-data/service-accounts")!;
        Assert.Equal((2, 2, true), (accounts["pages"]!.GetValue<int>(), accounts["items"]!.GetValue<int>(), accounts["complete"]!.GetValue<bool>()));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(pull.Folder, "keyless-manifest.json")))!;
        Assert.Equal("service-accounts.page-2.json", manifest["files"]!["gcp/acme-data/service-accounts.page-1.json"]!["nextPage"]!.GetValue<string>());

        var pulled = pull.Load();
        Assert.DoesNotContain(pulled.Notes, n => n.Contains("page 1 of more", StringComparison.Ordinal));
        Assert.Equal(
            Auditor.Run(trust).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal),
            Auditor.Run(pulled).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Calls_are_two_per_project_two_per_service_account_and_one_per_page()
    {
        using var pull = new EmulatedPull(Fixtures.TwoProjects(), o => o with { MaxPageSize = 1 });
        var outcome = await pull.GcpAsync("acme-prod", "acme-data");
        var pages = pull.Record["pulls"]![0]!["lists"]!.AsArray().Sum(l => l!["pages"]!.GetValue<int>());
        const int Projects = 2, ServiceAccounts = 3;
        Assert.Equal(pages + (2 * Projects) + (2 * ServiceAccounts), outcome.Calls.Values.Sum());
        Assert.Equal(outcome.Calls.Values.Sum(), pull.Core.ReadCalls.Values.Sum());
    }
}
