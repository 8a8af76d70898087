using Keyless.Trust.Findings;

namespace Keyless.Trust.Audits;

/// <summary>
/// Runs every audit over a context identity by identity, so the searches of an estate are never all held at once, and
/// stamps each finding with its place in the report (<see cref="Finding.Order"/>), by which they are returned.
/// <para>
/// An audit that reads the searches, or otherwise reports identity by identity (<see cref="AuditRule.RunsPerIdentity"/>),
/// reports in <see cref="AuditContext.Identities"/> order, so it is run on each identity alone, on the thread that has
/// just searched it (<see cref="AuditContext.SearchEach"/>, which then lets the identity's attack paths go): the audit's
/// place in the registry, the identity's index and the finding's rank within it place the finding. Any other audit
/// runs once, over the whole context: the audit's place and the finding's index in its output place it. The order is
/// the registry's, then each audit's own, the same on any number of cores. For <c>--shard</c>
/// (<see cref="AuditOptions.Searches"/>) only the shard's identities are searched, and the places are those of the run
/// of every identity, so the shards' findings sort back into it (<c>keyless merge</c>).
/// </para>
/// </summary>
public static class AuditRun
{
    // Key = audit << AuditShift | item << ItemShift | rank: 2^26 identities or findings of one audit, 2^16 findings
    // per identity and audit, every key below 2^53, where a JSON number is still exact.
    private const int AuditShift = 42;
    private const int ItemShift = 16;

    /// <summary>Where findings that come after every audit's (the config's expired ignores) are placed from.</summary>
    public const long AfterAudits = 1L << 50;

    /// <param name="context">The trust and options; its searches run here.</param>
    /// <param name="rules">The audits, in report order.</param>
    /// <param name="progress">Told (from any thread) how many identities are done out of how many.</param>
    public static IReadOnlyList<Finding> Findings(AuditContext context, IReadOnlyList<AuditRule> rules, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rules);
        var perIdentity = new List<Finding>?[context.Identities.Count];
        context.SearchEach((i, alone) =>
        {
            List<Finding>? found = null;
            for (var r = 0; r < rules.Count; r++)
            {
                if (!rules[r].RunsPerIdentity)
                {
                    continue;
                }

                var rank = 0L;
                foreach (var finding in rules[r].Run(alone))
                {
                    (found ??= []).Add(finding with { Order = (long)r << AuditShift | (long)i << ItemShift | rank++ });
                }
            }

            perIdentity[i] = found;
        }, progress);

        var all = new List<Finding>();
        for (var r = 0; r < rules.Count; r++)
        {
            if (rules[r].RunsPerIdentity)
            {
                continue;
            }

            var item = 0L;
            foreach (var finding in rules[r].Run(context))
            {
                all.Add(finding with { Order = (long)r << AuditShift | item++ << ItemShift });
            }
        }

        foreach (var found in perIdentity)
        {
            all.AddRange(found ?? []);
        }

        // Stable, and the keys are distinct: the order does not depend on which thread finished first.
        return all.OrderBy(f => f.Order!.Value).ToArray();
    }
}
