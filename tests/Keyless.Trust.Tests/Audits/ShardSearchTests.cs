using Keyless.Trust.Audits;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.Audits;

/// <summary>
/// <c>keyless audit --shard I/N</c> gives the audit a filter of identities (<see cref="AuditOptions.Searches"/>): a
/// shard attacks only its own, and <see cref="AuditRun"/> places each of its findings where the run of every
/// identity reports it, so the shards' findings, each kept by its owner and sorted by that place, are that run's.
/// </summary>
public sealed class ShardSearchTests
{
    private const int Shards = 3;

    // Any stable split will do here (the CLI hashes names with SHA-256); findings of no identity go to shard 0.
    private static int ShardOf(string? name) => name is null ? 0 : name.Sum(c => c) % Shards;

    [Theory]
    [MemberData(nameof(AuditCases.Names), MemberType = typeof(AuditCases))]
    public void A_shard_searches_only_its_own_identities(string name)
    {
        var trust = AuditCases.Trust(name);
        var options = AuditCases.Options(name);
        for (var shard = 0; shard < Shards; shard++)
        {
            var own = shard;
            var context = new AuditContext(trust, options with { Searches = i => ShardOf(i.Name) == own });
            context.SearchAll();
            var mine = context.Identities.Where(i => ShardOf(i.Name) == own).ToArray();
            Assert.Equal(mine.Length, context.SearchedIdentities);
            foreach (var other in context.Identities.Except(mine))
            {
                Assert.All(Enum.GetValues<AttackScenario>(), s => Assert.Same(AuditContext.NotSearched, context.Search(other, s)));
            }
        }

        var whole = new AuditContext(trust, options);
        whole.SearchAll();
        Assert.Equal(whole.Identities.Count, whole.SearchedIdentities);
    }

    [Theory]
    [MemberData(nameof(AuditCases.Names), MemberType = typeof(AuditCases))]
    public void The_shards_findings_sorted_by_their_place_are_the_whole_run_s(string name)
    {
        var trust = AuditCases.Trust(name);
        var options = AuditCases.Options(name);
        var whole = Auditor.Run(trust, options).Select(Describe).ToArray();

        var placed = new List<(long Order, string Finding)>();
        for (var shard = 0; shard < Shards; shard++)
        {
            var own = shard;
            var context = new AuditContext(trust, options with { Searches = i => ShardOf(i.Name) == own });
            placed.AddRange(AuditRun.Findings(context, AuditRegistry.All).Where(f => ShardOf(f.Identity) == own).Select(f => (f.Order!.Value, Describe(f))));
        }

        Assert.Equal(placed.Count, placed.Select(p => p.Order).Distinct().Count());
        Assert.Equal(whole, placed.OrderBy(p => p.Order).Select(p => p.Finding));
    }

    private static string Describe(Finding f) => $"{f.Id} {f.Identity} {f.Severity} {f.Confidence} {f.Message} {f.Witness?.ToJsonString()}";
}
