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

    /// <summary>
    /// True for an audit that reads the searches: it reports identity by identity in the order of
    /// <see cref="AuditContext.Identities"/>, so a shard's findings sort into the whole by identity (<see cref="AuditRun"/>).
    /// </summary>
    public virtual bool ReadsSearches => false;

    /// <summary>
    /// True for an audit that reports identity by identity in the order of <see cref="AuditContext.Identities"/> and
    /// reads nothing of other identities: <see cref="AuditRun"/> runs it on each identity alone, right after that
    /// identity's searches, while its attack paths are still held. Every audit that reads the searches is one.
    /// </summary>
    public virtual bool RunsPerIdentity => ReadsSearches;

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
