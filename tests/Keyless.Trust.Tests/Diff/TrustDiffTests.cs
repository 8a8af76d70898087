using Keyless.Trust.Claims;
using Keyless.Trust.Diff;
using Keyless.Trust.Findings;
using Keyless.Trust.Identities;
using Keyless.Trust.Tests.Audits;

namespace Keyless.Trust.Tests.Diff;

public sealed class TrustDiffTests
{
    [Fact]
    public void The_same_trust_admits_nothing_new()
    {
        var trust = AuditCases.Trust("developer-branch-any-branch");
        Assert.Empty(TrustDiff.Run(trust, AuditCases.Trust("developer-branch-any-branch")));
    }

    [Fact]
    public void Widening_an_exact_subject_to_any_branch_is_reported_with_a_witness_only_the_new_trust_admits()
    {
        var before = AuditCases.Trust("path-reclaimer-path-subject");
        var after = AuditCases.Trust("developer-branch-any-branch");
        var findings = TrustDiff.Run(before, after);

        Assert.Contains(findings, f => f.Persona == Persona.Developer);
        foreach (var finding in findings)
        {
            var claims = TokenClaims.FromJson(finding.Witness!);
            Assert.True(Decide(after, finding.Identity!, claims));
            Assert.False(Decide(before, finding.Identity!, claims));
        }
    }

    [Fact]
    public void Narrowing_the_trust_admits_nothing_new()
    {
        Assert.Empty(TrustDiff.Run(AuditCases.Trust("developer-branch-any-branch"), AuditCases.Trust("path-reclaimer-path-subject")));
    }

    private static bool Decide(Model.TrustSet trust, string identity, TokenClaims claims)
    {
        var evaluator = TrustEvaluator.For(trust);
        return evaluator.Decide(evaluator.Identities.Single(i => i.Name == identity), claims).IsAllowed;
    }
}
