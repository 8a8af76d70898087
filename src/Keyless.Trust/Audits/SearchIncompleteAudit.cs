using Keyless.Trust.Findings;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>
/// Says where "no finding" is not a proof, and which claim and why: predicates outside the fragment the search is
/// complete for, several patterns on one claim, a sub tested by contains or a regex, a claim held at one value, or a
/// capped class product. The audit reports what it tried instead.
/// </summary>
public sealed class SearchIncompleteAudit : AuditRule
{
    public override string Id => "search-incomplete";

    public override string Summary => "The search could not cover every class of value a persona can produce for a claim the trust reads; no finding there is not a proof.";

    public override Severity DefaultSeverity => Severity.Info;

    public override bool ReadsSearches => true;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var identity in context.Identities)
        {
            var results = AttackScenarios.Attacks.Select(s => (Scenario: s, Result: context.Search(identity, s)))
                .Where(r => !r.Result.Found && !r.Result.Complete).ToArray();
            if (results.Length == 0)
            {
                continue;
            }

            var gaps = results.SelectMany(r => r.Result.Gaps).Distinct().ToArray();
            var tried = results.Sum(r => r.Result.Tried);
            var paths = context.Engine.Paths(identity);
            var source = paths.Count > 0 ? paths[0].Source : identity.Source ?? new Model.SourceRef("(inputs)", null);
            yield return new Finding
            {
                Id = Id,
                Severity = DefaultSeverity,
                Confidence = Confidence.Likely,
                Identity = identity.Name,
                Message = $"No token found for {string.Join(", ", results.Select(r => r.Scenario.PersonaOf()?.ToWire()).Distinct())} after {tried} candidates, but this is not proven: {string.Join("; ", gaps)}.",
                Fix = "Express the trust with equality, in, startsWith/endsWith/contains, simple regexes and wildcards over claims so the audit can prove it; or review these predicates by hand.",
                Location = new FindingLocation(source.File, null, source.JsonPath),
            };
        }
    }
}
