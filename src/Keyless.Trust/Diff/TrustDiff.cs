using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Diff;

/// <summary>
/// What a trust change newly admits: for each identity of the new trust and each scenario (the personas and the
/// project's own maintainers), a token the new trust admits and the old does not, searched over the atoms of both
/// so the classes that changed are the ones tried.
/// </summary>
public static class TrustDiff
{
    public const string RuleId = "newly-admitted";

    public static IReadOnlyList<Finding> Run(TrustSet oldTrust, TrustSet newTrust, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(oldTrust);
        ArgumentNullException.ThrowIfNull(newTrust);
        var before = new RedTeamEngine(oldTrust, time);
        var after = new RedTeamEngine(newTrust, time);
        var findings = new List<Finding>();
        foreach (var identity in after.Identities)
        {
            var old = before.Identities.FirstOrDefault(i => i.Name == identity.Name);
            var oldPaths = old is null ? [] : before.Paths(old).Select(p => p with { Identity = identity }).ToArray();
            foreach (var scenario in AttackScenarios.Attacks.Append(AttackScenario.ProjectMaintainer))
            {
                var result = after.Search(identity, scenario,
                    claims =>
                    {
                        // One wrapper for both trusts, so the claims become a CEL value once per candidate.
                        var token = TokenClaims.Wrap(claims);
                        return after.Admits(identity, token) && (old is null || !before.Admits(old, token));
                    },
                    oldPaths);
                if (result is { Witness: { } witness, Path: { } path })
                {
                    findings.Add(Newly(identity, old is null, scenario, witness, path));
                }
            }
        }

        return findings;
    }

    private static Finding Newly(Identity identity, bool added, AttackScenario scenario, System.Text.Json.Nodes.JsonObject witness, AttackPath path)
    {
        var persona = scenario.PersonaOf();
        var who = persona is { } p ? p.ToWire() : "the project's own pipelines";
        var claims = $"project '{witness[GitLabClaimNames.ProjectPath]}', {witness[GitLabClaimNames.RefType]} '{witness[GitLabClaimNames.Ref]}', "
            + $"ref_protected {witness[GitLabClaimNames.RefProtected]}"
            + (witness[GitLabClaimNames.Environment] is { } env ? $", environment '{env}'" : string.Empty);
        return new Finding
        {
            Id = RuleId,
            Severity = persona switch
            {
                Persona.Anyone => Severity.Critical,
                Persona.GroupMember or Persona.ForkContributor or Persona.Developer => Severity.High,
                Persona.PathReclaimer => Severity.Medium,
                _ => Severity.Low,
            },
            Confidence = Confidence.Proven,
            Persona = persona,
            Identity = identity.Name,
            Message = added
                ? $"New identity {identity.Name}: {who} can get it via {path.Label} ({claims})."
                : $"The new trust admits a token of {who} that the old one denied, via {path.Label} ({claims}).",
            Witness = witness,
            Fix = "If this widening is not intended, revert the change to " + path.Label + "; check the witness with `keyless explain --claims witness.json NEW...`.",
            Location = new FindingLocation(path.Source.File, null, path.Source.JsonPath),
        };
    }
}
