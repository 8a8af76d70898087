using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>
/// A persona audit: the scenario's search against every identity; a finding is the first admitted token that GitLab
/// could mint for the persona, with the witness, the path it used and the fix. Confidence is <c>proven</c> when the
/// evaluator admits it and it is realizable under known settings, <c>assumed</c> when the persona's capabilities
/// rested on GitLab defaults the inputs did not confirm (the message says which).
/// </summary>
public abstract class PersonaAudit : AuditRule
{
    public abstract AttackScenario Scenario { get; }

    /// <summary>What the persona did, for the message: "a tag named 'main'".</summary>
    protected abstract string Describe(JsonObject witness);

    /// <summary>Whether a witness through this path shows this audit's own hole (and not another audit's).</summary>
    protected virtual bool Relevant(AttackPath path) => true;

    protected virtual Severity SeverityFor(AuditContext context) => DefaultSeverity;

    public override bool ReadsSearches => true;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var identity in context.Identities)
        {
            var result = context.Search(identity, Scenario);
            if (result is not { Witness: { } witness, Path: { } path } || !Relevant(path))
            {
                continue;
            }

            var persona = Scenario.PersonaOf()!.Value;
            var assumed = result.Assumptions.Count > 0;
            var victim = path.Victim;
            var against = victim.CandidateCount > 1 ? $"; the trust admits {victim.CandidateCount} projects, this one attacked as '{victim.Path}'"
                : victim.PathKnown || victim.IdKnown || result.Assumptions.Contains(victim.Assumption) ? string.Empty : $"; victim: {victim.Basis}";
            var message = $"{persona.ToWire()} can get {identity.Name} via {path.Label}: {Describe(witness)} "
                + $"(project '{witness[GitLabClaimNames.ProjectPath]}', {witness[GitLabClaimNames.RefType]} '{witness[GitLabClaimNames.Ref]}', sub '{witness[GitLabClaimNames.Subject]}')"
                + against
                + (assumed ? "; assumed " + string.Join("; ", result.Assumptions) : string.Empty) + ".";
            yield return new Finding
            {
                Id = Id,
                Severity = SeverityFor(context),
                Confidence = assumed ? Confidence.Assumed : Confidence.Proven,
                Persona = persona,
                Identity = identity.Name,
                Message = message,
                Witness = witness,
                Fix = FixAdvisor.For(Scenario, path),
                Location = new FindingLocation(path.Source.File, null, path.Source.JsonPath),
            };
        }
    }

    protected static string Claim(JsonObject witness, string name) => witness[name]?.ToString() ?? "(absent)";
}
