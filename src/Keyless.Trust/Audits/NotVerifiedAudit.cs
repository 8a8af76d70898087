using Keyless.Trust.Findings;

namespace Keyless.Trust.Audits;

/// <summary>
/// A part of the live trust <c>keyless pull</c> could not read (a project, tenant, subscription or GitLab project): the
/// audit has not seen it, so its silence there is no verdict. One finding per scope, naming each call that failed, why
/// in the cloud's words, and the permission it needed.
/// </summary>
public sealed class NotVerifiedAudit : AuditRule
{
    public override string Id => "not-verified";

    public override string Summary => "Part of the live trust could not be read; the audit says nothing about what it did not see.";

    public override Severity DefaultSeverity => Severity.High;

    public override IEnumerable<Finding> Run(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var scope in context.Trust.Unverified.GroupBy(u => u.Scope, StringComparer.Ordinal))
        {
            var calls = scope.ToArray();
            var permissions = calls.Select(c => c.Permission).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            var grant = permissions.Length == 0
                ? "Make the failed calls succeed (the reasons say why they did not)"
                : $"Grant the identity that pulls {string.Join(" and ", permissions)} on {scope.Key}";
            yield return Static(
                scope.Key,
                $"{scope.Key} was not verified: {string.Join("; ", calls.Select(c => $"{c.Call} failed ({c.Reason})"))}. The trust there was not read, so no finding about it is no verdict.",
                $"{grant}, then pull again (docs/pull.md lists the least privilege of each pull).",
                calls[0].Source);
        }
    }
}
