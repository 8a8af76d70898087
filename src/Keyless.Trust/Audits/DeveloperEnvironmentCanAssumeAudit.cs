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

    /// <summary>Only when the trust reads the environment; otherwise the same token is a branch finding.</summary>
    protected override bool Relevant(AttackPath path) =>
        path.Atoms.ClaimsRead.Overlaps([GitLabClaimNames.Environment, GitLabClaimNames.DeploymentTier, GitLabClaimNames.EnvironmentProtected])
        || path.Victim.Components.Contains(GitLabClaimNames.EnvironmentProtected) || path.Victim.Components.Contains(GitLabClaimNames.DeploymentTier);

    protected override string Describe(JsonObject witness) =>
        $"a job with environment '{Claim(witness, GitLabClaimNames.Environment)}' (environment_protected {Claim(witness, GitLabClaimNames.EnvironmentProtected)}, tier {Claim(witness, GitLabClaimNames.DeploymentTier)}) on branch '{Claim(witness, GitLabClaimNames.Ref)}'";
}
