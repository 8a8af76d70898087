using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>A Developer of the project, pushing a tag no protected-tag rule covers (possibly named like a branch).</summary>
public sealed class DeveloperTagCanAssumeAudit : PersonaAudit
{
    public override string Id => "developer-tag-can-assume";

    public override string Summary => "A Developer of the project can mint an admitted token by pushing a tag (tags are unprotected unless a rule matches).";

    public override Severity DefaultSeverity => Severity.Medium;

    public override AttackScenario Scenario => AttackScenario.DeveloperTag;

    protected override string Describe(JsonObject witness) =>
        $"a pipeline on tag '{Claim(witness, GitLabClaimNames.Ref)}' (ref_protected {Claim(witness, GitLabClaimNames.RefProtected)})";
}
