using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>A Developer of the project, pushing a branch they are allowed to push.</summary>
public sealed class DeveloperBranchCanAssumeAudit : PersonaAudit
{
    public override string Id => "developer-branch-can-assume";

    public override string Summary => "A Developer of the project can mint an admitted token from a branch they can push.";

    public override Severity DefaultSeverity => Severity.Medium;

    public override AttackScenario Scenario => AttackScenario.DeveloperBranch;

    protected override string Describe(JsonObject witness) =>
        $"a pipeline on branch '{Claim(witness, GitLabClaimNames.Ref)}' (ref_protected {Claim(witness, GitLabClaimNames.RefProtected)})";
}
