using Keyless.Trust.Findings;
using Keyless.Trust.Model;

namespace Keyless.Trust.Audits;

/// <summary>Runs every registered audit over a trust; findings in registry order, worst first within each.</summary>
public static class Auditor
{
    public static IReadOnlyList<Finding> Run(TrustSet trust, AuditOptions? options = null)
    {
        var context = new AuditContext(trust, options);
        return AuditRegistry.All.SelectMany(rule => rule.Run(context)).ToArray();
    }
}
