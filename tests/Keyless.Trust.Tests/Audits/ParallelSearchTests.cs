using Keyless.Trust.Audits;
using Keyless.Trust.GitLab;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.Audits;

/// <summary>
/// The audit searches every identity on all cores (<see cref="AuditContext.SearchAll"/>); each result must be the
/// one a fresh engine finds searching alone, one identity and scenario at a time, in order.
/// </summary>
public sealed class ParallelSearchTests
{
    [Theory]
    [MemberData(nameof(AuditCases.Names), MemberType = typeof(AuditCases))]
    public void Searching_on_all_cores_finds_what_one_search_at_a_time_finds(string name)
    {
        var trust = AuditCases.Trust(name);
        var options = AuditCases.Options(name);
        var context = new AuditContext(trust, options);
        context.SearchAll();

        var alone = new RedTeamEngine(trust, options.Time, options.GitLabUrl is { } url ? GitLabInstance.ForUrl(url) : null);
        foreach (var identity in context.Identities)
        {
            foreach (var scenario in Enum.GetValues<AttackScenario>())
            {
                var expected = alone.Search(identity, scenario);
                var actual = context.Search(identity, scenario);
                var what = $"{identity.Name} {scenario}";
                Assert.Equal(expected.Witness?.ToJsonString(), actual.Witness?.ToJsonString());
                Assert.Equal(expected.Path?.Label, actual.Path?.Label);
                Assert.Equal(expected.Tried, actual.Tried);
                Assert.Equal(expected.Complete, actual.Complete);
                Assert.Equal(expected.Gaps, actual.Gaps);
                Assert.Equal(expected.Assumptions, actual.Assumptions);
                Assert.True(expected.Rejected == actual.Rejected, what);
            }
        }
    }
}
