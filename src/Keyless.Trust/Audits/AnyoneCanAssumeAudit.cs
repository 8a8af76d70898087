using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>Any account on the issuer, from a project path nobody owns yet (<c>acme-evil</c>, <c>acmex</c>, <c>evil/acme</c>).</summary>
public sealed class AnyoneCanAssumeAudit : PersonaAudit
{
    public override string Id => "anyone-can-assume";

    public override string Summary => "Any account on the GitLab instance can mint a token the trust admits.";

    public override Severity DefaultSeverity => Severity.Critical;

    public override AttackScenario Scenario => AttackScenario.Anyone;

    protected override string Describe(JsonObject witness) =>
        $"a new project '{Claim(witness, GitLabClaimNames.ProjectPath)}' (id {Claim(witness, GitLabClaimNames.ProjectId)}) outside the victim's group";
}
