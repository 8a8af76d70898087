using Keyless.Formats.Inputs;
using Keyless.Trust.Audits;

namespace Keyless.Pull.Tests;

/// <summary>
/// For each example: <c>emulate DIR</c> → <c>pull</c> every scope it serves → <c>audit</c> of the pulled folder gives the
/// findings <c>audit DIR</c> gives. Shapes the emulator serves must be the ones the loader reads, and nothing the audit
/// uses may be lost on the way.
/// </summary>
public sealed class RoundTripTests
{
    // A plan's values not known until apply have no live counterpart: there is nothing to pull for them.
    private static readonly string[] NotLive = ["gcp-terraform-plan-unknowns", "plan", "tokens", "gitlab-ci"];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RepoFolders.Examples).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (!NotLive.Contains(folder!))
            {
                data.Add(folder!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Audit_of_the_pull_equals_audit_of_the_example(string example)
    {
        var trust = TrustLoader.Load([RepoFolders.Example(example)]);
        var expected = Auditor.Run(trust);
        using var pull = new EmulatedPull(trust);
        var outcomes = await pull.EverythingAsync();
        Assert.All(outcomes, o => Assert.True(o.ExitCode == PullOutcome.Complete, string.Join("; ", o.Failures.Select(f => $"{f.Call}: {f.Reason}"))));

        var pulled = pull.Load();
        var actual = Auditor.Run(pulled);
        var dropClientId = trust.AzureIdentities.Any(i => i.ClientId is null);
        Assert.Equal(
            expected.Select(f => FindingKey.Of(f, dropClientId).ToString()).Order(StringComparer.Ordinal),
            actual.Select(f => FindingKey.Of(f, dropClientId).ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            IdentityNames(trust, dropClientId),
            IdentityNames(pulled, dropClientId));
        Assert.Empty(pulled.Skipped);

        // Calls: one per page, two per project and per service account (GCP), one per GitLab project, and for AWS the
        // provider list and one per provider; nothing else.
        var lists = pull.Record["pulls"]!.AsArray().SelectMany(p => p!["lists"]!.AsArray()).ToList();
        var pages = lists.Sum(l => l!["pages"]!.GetValue<int>());
        var accounts = lists.Where(l => l!["list"]!.GetValue<string>().EndsWith("/service-accounts", StringComparison.Ordinal)).Sum(l => l!["items"]!.GetValue<int>());
        var providers = pull.Core.Scopes.AwsAccounts.Count == 0 ? 0 : 1 + trust.AwsProviders.Count(p => p.Unknown.Count == 0);
        var singles = (2 * pull.Core.Scopes.GcpProjects.Count) + (2 * accounts) + pull.Core.Scopes.GitLabProjects.Count + providers;
        Assert.Equal(pages + singles, outcomes.Sum(o => o.Calls.Values.Sum()));
        Assert.DoesNotContain(pulled.Notes, n => n.Contains("page 1 of more", StringComparison.Ordinal));
    }

    private static IEnumerable<string> IdentityNames(Keyless.Trust.Model.TrustSet trust, bool dropClientId) =>
        new AuditContext(trust).Identities.Select(i => dropClientId ? System.Text.RegularExpressions.Regex.Replace(i.Name, @" \(client id [0-9a-f-]{36}\)", string.Empty) : i.Name)
            .Order(StringComparer.Ordinal);
}
