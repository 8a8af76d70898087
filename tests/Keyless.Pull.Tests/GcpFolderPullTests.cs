using Keyless.Pull.Sources;
using Keyless.Trust.Audits;

namespace Keyless.Pull.Tests;

/// <summary>
/// <c>keyless pull gcp --folder ID|--organization ID</c> against the emulator: Resource Manager v1 <c>projects.list</c>
/// filtered by parent, every page followed, and each listed project pulled as <c>--project</c> would.
/// </summary>
public sealed class GcpFolderPullTests
{
    [Fact]
    public async Task A_folder_lists_its_projects_over_every_page_and_pulls_each()
    {
        var trust = Fixtures.TwoProjects();
        using var pull = new EmulatedPull(trust, o => o with { MaxPageSize = 1, GcpParent = "folders/4242" });

        var outcome = await pull.GcpUnderAsync((GcpProjectList.Folder, "4242"));

        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);
        var record = pull.Record["pulls"]![0]!;
        var listing = record["lists"]!.AsArray().Single(l => l!["list"]!.GetValue<string>() == "gcp-projects/folder-4242")!;
        Assert.Equal((2, 2, true), (listing["pages"]!.GetValue<int>(), listing["items"]!.GetValue<int>(), listing["complete"]!.GetValue<bool>()));
        Assert.Equal(["gcp-folder:4242", "gcp:acme-data", "gcp:acme-prod"], record["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(pull.Folder, "gcp", "acme-data", "iam-policy.json")));
        Assert.True(File.Exists(Path.Combine(pull.Folder, "gcp", "acme-prod", "iam-policy.json")));

        // The listing pages hold no trust; what the projects hold audits as the trust itself does.
        Assert.Equal(
            Auditor.Run(trust).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal),
            Auditor.Run(pull.Load()).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_parent_lists_no_projects_and_pulls_nothing_else()
    {
        using var pull = new EmulatedPull(Fixtures.TwoProjects(), o => o with { GcpParent = "folders/4242" });

        var outcome = await pull.GcpUnderAsync((GcpProjectList.Organization, "4242"));

        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(pull.Folder, "gcp")));
        Assert.Equal(1, outcome.Calls.Values.Sum());
    }
}
