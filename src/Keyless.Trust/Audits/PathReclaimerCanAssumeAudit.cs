using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>Whoever registers the victim's path after a rename or deletion: same path, new ids.</summary>
public sealed class PathReclaimerCanAssumeAudit : PersonaAudit
{
    public override string Id => "path-reclaimer-can-assume";

    public override string Summary => "Someone who registers the project's path after a rename or deletion can mint an admitted token.";

    public override Severity DefaultSeverity => Severity.Medium;

    public override AttackScenario Scenario => AttackScenario.PathReclaimer;

    /// <summary>GitLab 19.1+ refuses to mint ID tokens for reclaimed paths (unless an admin turned that off).</summary>
    protected override Severity SeverityFor(AuditContext context) =>
        context.Options.BlocksReclaimedPaths ? Severity.Low : DefaultSeverity;

    protected override string Describe(JsonObject witness) =>
        $"the path '{Claim(witness, GitLabClaimNames.ProjectPath)}' registered again with project id {Claim(witness, GitLabClaimNames.ProjectId)}";
}
