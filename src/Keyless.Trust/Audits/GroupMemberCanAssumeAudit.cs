using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>A maintainer of another project in the victim's top-level group or its subgroups.</summary>
public sealed class GroupMemberCanAssumeAudit : PersonaAudit
{
    public override string Id => "group-member-can-assume";

    public override string Summary => "A maintainer of another project in the same top-level group can mint a token the trust admits.";

    public override Severity DefaultSeverity => Severity.High;

    public override AttackScenario Scenario => AttackScenario.GroupMember;

    protected override string Describe(JsonObject witness) =>
        $"another project in the group, '{Claim(witness, GitLabClaimNames.ProjectPath)}' (id {Claim(witness, GitLabClaimNames.ProjectId)})";
}
