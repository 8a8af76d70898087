using Keyless.Trust.Findings;
using Keyless.Trust.Model;

namespace Keyless.Trust.Audits;

/// <summary>Runs every registered audit over a trust; findings in registry order, worst first within each.</summary>
public static class Auditor
{
    public static IReadOnlyList<Finding> Run(TrustSet trust, AuditOptions? options = null)
    {
        return AuditRun.Findings(new AuditContext(trust, options), AuditRegistry.All);
    }
}
