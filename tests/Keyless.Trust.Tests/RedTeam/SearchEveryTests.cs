using Keyless.Trust.Audits;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.RedTeam;

/// <summary>
/// The audit's way of searching (every scenario of one identity at once, the path's candidates kept for those
/// scenarios only, the identity's paths let go afterwards) finds what the one-search-at-a-time way finds, on every
/// case of the red-team corpus.
/// </summary>
public sealed class SearchEveryTests
{
    private static readonly AttackScenario[] Scenarios = Enum.GetValues<AttackScenario>();

    [Theory]
    [MemberData(nameof(RedTeamCorpus.Names), MemberType = typeof(RedTeamCorpus))]
    public void Searching_every_scenario_of_an_identity_at_once_finds_what_each_search_alone_finds(string name)
    {
        var trust = RedTeamCorpus.Trust(name);
        var options = RedTeamCorpus.Options(name);
        var alone = new AuditContext(trust, options).Engine;
        var together = new AuditContext(trust, options).Engine;
        foreach (var identity in together.Identities)
        {
            var all = together.SearchEvery(identity, Scenarios);
            foreach (var scenario in Scenarios)
            {
                Assert.Equal(Describe(alone.Search(identity, scenario)), Describe(all[(int)scenario]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(RedTeamCorpus.Names), MemberType = typeof(RedTeamCorpus))]
    public void Paths_let_go_after_an_identity_is_audited_are_built_again_the_same(string name)
    {
        var context = new AuditContext(RedTeamCorpus.Trust(name), RedTeamCorpus.Options(name));
        var before = context.Identities.ToDictionary(i => i, i => context.Engine.Paths(i).Select(Describe).ToArray());

        var first = AuditRun.Findings(context, AuditRegistry.All);
        var second = AuditRun.Findings(context, AuditRegistry.All);

        Assert.Equal(first.Select(Describe), second.Select(Describe));
        Assert.All(context.Identities, identity => Assert.Equal(before[identity], context.Engine.Paths(identity).Select(Describe)));
    }

    [Theory]
    [MemberData(nameof(RedTeamCorpus.Names), MemberType = typeof(RedTeamCorpus))]
    public void The_model_of_GitLab_made_identity_by_identity_is_the_one_made_of_every_path_at_once(string name)
    {
        var trust = RedTeamCorpus.Trust(name);
        var engine = new AuditContext(trust, RedTeamCorpus.Options(name)).Engine;

        // The engine's: each identity's paths built, read and let go; then every path held at once, as it was made before.
        var world = Describe(engine.World);
        var whole = Describe(GitLabWorldBuilder.Build(trust, engine.Identities.SelectMany(engine.Paths).ToList()));

        Assert.Equal(whole, world);
    }

    /// <summary>Every set and map the world holds, in order, so two worlds compare whole.</summary>
    private static string[] Describe(Keyless.Trust.GitLab.GitLabWorld world) =>
        [.. typeof(Keyless.Trust.GitLab.GitLabWorld).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .SelectMany(f => f.GetValue(world) switch
            {
                IEnumerable<string> set => set.Order(StringComparer.Ordinal).Select(v => $"{f.Name}: {v}"),
                IEnumerable<KeyValuePair<string, string>> map => map.Select(e => $"{f.Name}: {e.Key} = {e.Value}").Order(StringComparer.Ordinal),
                var other => [$"{f.Name}: {other}"],
            })];

    [Fact]
    public void A_copied_atom_set_reads_what_it_was_copied_from_until_one_of_them_reads_more()
    {
        var provider = new AtomSet();
        provider.Read("sub");
        provider.Add(new ClaimAtom("project_id", AtomKind.Equals, "42"));

        var path = provider.Copy();
        path.Add(new ClaimAtom("project_id", AtomKind.Equals, "7"));
        path.Add(new ClaimAtom("ref", AtomKind.Equals, "main"));

        Assert.Equal(["sub", "project_id"], provider.ClaimsRead);
        Assert.Single(provider.Atoms);
        Assert.Equal(["sub", "project_id", "ref"], path.ClaimsRead);
        Assert.Equal(3, path.Atoms.Count);
    }

    [Fact]
    public void An_atom_set_keeps_each_atom_once_past_the_length_it_tells_apart_by_scanning()
    {
        var atoms = new AtomSet();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                atoms.Add(new ClaimAtom("project_path", AtomKind.Prefix, "acme/" + i));
            }
        }

        Assert.Equal(40, atoms.Atoms.Count);
        Assert.Equal(40, atoms.Atoms.Distinct().Count());
    }

    private static string Describe(SearchResult result) =>
        $"{result.Found} {result.Tried} {result.Complete} {result.Rejected} {result.Path?.Label} {result.Witness?.ToJsonString()} "
        + $"[{string.Join(" | ", result.Gaps)}] [{string.Join(" | ", result.Assumptions)}]";

    private static string Describe(AttackPath path) =>
        $"{path.Label} {path.Audience} {path.Issuer} {path.Victim.Path} {path.Victim.Id} [{string.Join(", ", path.Atoms.Atoms)}] "
        + $"[{string.Join(", ", path.Atoms.ClaimsRead)}] [{string.Join(", ", path.Atoms.Outside)}] [{string.Join(", ", path.Atoms.Pins)}]";

    private static string Describe(Finding finding) =>
        $"{finding.Id} {finding.Identity} {finding.Persona} {finding.Message} {finding.Fix} {finding.Witness?.ToJsonString()} {finding.Order}";
}
