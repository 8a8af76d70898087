using Keyless.Trust.Findings;
using Keyless.Trust.Model;

namespace Keyless.Trust.Audits;

/// <summary>One audit: its kebab-case id (docs page docs/audits/&lt;id&gt;.md, SARIF rule id), summary and severity.</summary>
public abstract class AuditRule
{
    public abstract string Id { get; }

    public abstract string Summary { get; }

    public abstract Severity DefaultSeverity { get; }

    public abstract IEnumerable<Finding> Run(AuditContext context);

    protected Finding Static(string identity, string message, string fix, SourceRef source, Severity? severity = null) => new()
    {
        Id = Id,
        Severity = severity ?? DefaultSeverity,
        Confidence = Confidence.Proven,
        Identity = identity,
        Message = message,
        Fix = fix,
        Location = new FindingLocation(source.File, null, source.JsonPath),
    };
}
