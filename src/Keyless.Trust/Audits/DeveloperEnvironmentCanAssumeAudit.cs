using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>A Developer of the project, naming an environment in YAML that nothing protects.</summary>
public sealed class DeveloperEnvironmentCanAssumeAudit : PersonaAudit
{
    public override string Id => "developer-environment-can-assume";

    public override string Summary => "A Developer of the project can mint an admitted token by writing an unprotected environment name in YAML.";

    public override Severity DefaultSeverity => Severity.Medium;

    public override AttackScenario Scenario => AttackScenario.DeveloperEnvironment;

    protected override string Describe(JsonObject witness) =>
        $"a job with environment '{Claim(witness, GitLabClaimNames.Environment)}' (environment_protected {Claim(witness, GitLabClaimNames.EnvironmentProtected)}, tier {Claim(witness, GitLabClaimNames.DeploymentTier)}) on branch '{Claim(witness, GitLabClaimNames.Ref)}'";
}
