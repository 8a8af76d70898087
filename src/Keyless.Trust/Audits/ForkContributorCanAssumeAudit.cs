using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>An outside user whose fork's merge request pipeline runs in the parent project.</summary>
public sealed class ForkContributorCanAssumeAudit : PersonaAudit
{
    public override string Id => "fork-contributor-can-assume";

    public override string Summary => "A merge request from a fork, run in the parent project, mints a token the trust admits.";

    public override Severity DefaultSeverity => Severity.High;

    public override AttackScenario Scenario => AttackScenario.ForkContributor;

    protected override string Describe(JsonObject witness) =>
        $"a merge request pipeline from fork '{Claim(witness, GitLabClaimNames.ProjectPath)}' running in '{Claim(witness, GitLabClaimNames.JobProjectPath)}'";
}
