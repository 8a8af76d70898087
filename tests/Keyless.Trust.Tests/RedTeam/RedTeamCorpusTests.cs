using Keyless.Trust.Audits;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Tests.RedTeam;

/// <summary>Every case of the red-team corpus: the personas that must get in do, with witnesses GitLab can mint; the others do not.</summary>
public sealed class RedTeamCorpusTests
{
    [Fact]
    public void The_corpus_has_at_least_forty_cases_each_with_a_reason_and_a_gitlab_fact()
    {
        var names = RedTeamCorpus.Names().Select(r => (string)r.Data).ToArray();
        Assert.True(names.Length >= 40, $"{names.Length} cases");
        Assert.All(names, name =>
        {
            var spec = RedTeamCorpus.Spec(name);
            Assert.False(string.IsNullOrWhiteSpace(spec["description"]?.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(spec["gitlabFact"]?.GetValue<string>()));
            Assert.NotEmpty(RedTeamCorpus.Personas(spec, "must").Concat(RedTeamCorpus.Personas(spec, "mustNot")));
        });
    }

    [Theory]
    [MemberData(nameof(RedTeamCorpus.Names), MemberType = typeof(RedTeamCorpus))]
    public void Finds_the_personas_that_must_get_in_and_no_other(string name)
    {
        var spec = RedTeamCorpus.Spec(name);
        var identity = spec["identity"]!.GetValue<string>();
        var findings = Auditor.Run(RedTeamCorpus.Trust(name), RedTeamCorpus.Options(name)).Where(f => f.Identity == identity).ToArray();
        var found = findings.Where(f => f.Persona is not null).Select(f => f.Persona!.Value.ToWire()).ToHashSet(StringComparer.Ordinal);
        foreach (var (persona, why) in RedTeamCorpus.Personas(spec, "must"))
        {
            Assert.True(found.Contains(persona), $"{name}: {persona} must get in ({why}); found: {Describe(findings)}");
        }

        foreach (var (persona, why) in RedTeamCorpus.Personas(spec, "mustNot"))
        {
            Assert.False(found.Contains(persona), $"{name}: {persona} must not get in ({why}); found: {Describe(findings)}");
        }

        if (spec["unreachable"] is { } unreachable)
        {
            Assert.Equal(unreachable.GetValue<bool>(), findings.Any(f => f.Id == "unreachable-identity"));
        }

        // Static findings the case is about, on whatever they name (an access key names its user, not the role).
        var all = Auditor.Run(RedTeamCorpus.Trust(name), RedTeamCorpus.Options(name)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in spec["findings"]?.AsArray().Select(f => f!.GetValue<string>()) ?? [])
        {
            Assert.True(all.Contains(id), $"{name}: {id} must be found; found: {string.Join(", ", all)}");
        }
    }

    [Theory]
    [MemberData(nameof(RedTeamCorpus.Names), MemberType = typeof(RedTeamCorpus))]
    public void Every_witness_is_admitted_by_explain_and_mintable_by_gitlab_for_its_persona(string name)
    {
        var trust = RedTeamCorpus.Trust(name);
        var options = RedTeamCorpus.Options(name);
        var context = new AuditContext(trust, options);
        foreach (var identity in context.Identities)
        {
            foreach (var scenario in AttackScenarios.Attacks)
            {
                var result = context.Search(identity, scenario);
                Assert.Equal(0, result.Rejected);
                if (result is not { Witness: { } witness, Path: { } path })
                {
                    continue;
                }

                var decision = context.Engine.Evaluator.Decide(identity, TokenClaims.FromJson(witness));
                Assert.True(decision.IsAllowed, $"{name} {scenario}: explain denies the witness: {string.Join(" ", decision.Reasons)}");
                var realizable = context.Engine.CheckRealizable(witness, scenario, path);
                Assert.True(realizable.IsRealizable, $"{name} {scenario}: {realizable}");
            }
        }
    }

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("; ", findings.Select(f => $"{f.Id} {f.Confidence.ToWire()}: {f.Message}"));
}
