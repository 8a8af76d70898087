using Keyless.Emulator;
using Keyless.Emulator.Reads;
using Keyless.Pull.Sources;
using Keyless.Trust.Audits;

namespace Keyless.Pull.Tests;

/// <summary>
/// <c>keyless pull gcp --folder ID|--organization ID</c> against the emulator: Resource Manager v1 <c>projects.list</c>
/// filtered by parent and v2 <c>folders.list</c> for the subfolders, walked at any depth, every page followed, and each
/// listed project pulled as <c>--project</c> would.
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
        Assert.Equal(2, outcome.Calls.Values.Sum()); // its projects and its subfolders: both empty
    }

    // folders/100 > folders/200 > folders/300, with acme-prod in folders/100 and acme-data two levels below it.
    private static EmulatorOptions Nested(EmulatorOptions options) => options with
    {
        MaxPageSize = 1,
        GcpParent = "folders/100",
        GcpFolders = new Dictionary<string, string> { ["folders/200"] = "folders/100", ["folders/300"] = "folders/200", ["folders/900"] = "organizations/1" },
        GcpProjectParents = new Dictionary<string, string> { ["acme-data"] = "folders/300" },
    };

    [Fact]
    public async Task A_folder_is_walked_through_its_subfolders_at_any_depth()
    {
        var trust = Fixtures.TwoProjects();
        using var pull = new EmulatedPull(trust, Nested);

        var outcome = await pull.GcpUnderAsync((GcpProjectList.Folder, "100"));

        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);
        var record = pull.Record["pulls"]![0]!;
        Assert.Equal(["gcp-folder:100", "gcp-folder:200", "gcp-folder:300", "gcp:acme-data", "gcp:acme-prod"],
            record["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        var lists = record["lists"]!.AsArray().ToDictionary(l => l!["list"]!.GetValue<string>(), l => l!["items"]!.GetValue<int>());
        Assert.Equal((1, 1, 1, 0), (lists["gcp-folders/folder-100"], lists["gcp-folders/folder-200"], lists["gcp-projects/folder-300"], lists["gcp-projects/folder-200"]));
        Assert.True(File.Exists(Path.Combine(pull.Folder, "gcp", "acme-data", "iam-policy.json")));
        Assert.Equal(
            Auditor.Run(trust).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal),
            Auditor.Run(pull.Load()).Select(f => FindingKey.Of(f, false).ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_subfolder_that_cannot_be_listed_is_named_and_the_rest_is_pulled()
    {
        using var pull = new EmulatedPull(Fixtures.TwoProjects(), o => Nested(o) with
        {
            Faults = [new ReadFault { PathContains = "parent=folders/200", Status = 403, Times = 0 }],
        });

        var outcome = await pull.GcpUnderAsync((GcpProjectList.Folder, "100"));

        Assert.Equal(PullOutcome.Partial, outcome.ExitCode);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(("gcp-folder:200", "cloudresourcemanager folders.list"), (failure.Scope.ToString(), failure.Call));
        Assert.Equal("resourcemanager.folders.list", failure.Permission);
        Assert.True(File.Exists(Path.Combine(pull.Folder, "gcp", "acme-prod", "iam-policy.json")));
        Assert.False(Directory.Exists(Path.Combine(pull.Folder, "gcp", "acme-data")));
        Assert.Contains(Auditor.Run(pull.Load()), f => f.Id == "not-verified" && f.Message.StartsWith("gcp-folder:200 was not verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_organization_reaches_the_folders_under_it_and_only_those()
    {
        using var pull = new EmulatedPull(Fixtures.TwoProjects(), Nested);

        var outcome = await pull.GcpUnderAsync((GcpProjectList.Organization, "1"));

        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);
        Assert.Equal(["gcp-folder:900", "gcp-organization:1"],
            pull.Record["pulls"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(pull.Folder, "gcp")));
    }
}
