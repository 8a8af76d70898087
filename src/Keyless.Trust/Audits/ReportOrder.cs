using Keyless.Trust.Findings;

namespace Keyless.Trust.Audits;

/// <summary>
/// The findings of every audit for a shard that searched only its own identities (<see cref="AuditOptions.Searches"/>),
/// each stamped with its place in the report of the run that searches them all (<see cref="Finding.Order"/>). An
/// audit that reads no search reports the same in every shard, so its own index places a finding; one that reads the
/// searches reports identity by identity in <see cref="AuditContext.Identities"/> order, so it is run on each of the
/// shard's identities alone, and the identity's index and the finding's rank within it place a finding.
/// </summary>
public static class ReportOrder
{
    // Key = audit << AuditShift | item << ItemShift | rank: 2^26 identities or findings of one audit, 2^16 findings
    // per identity and audit, every key below 2^53, where a JSON number is still exact.
    private const int AuditShift = 42;
    private const int ItemShift = 16;

    /// <summary>Where findings that come after every audit's (the config's expired ignores) are placed from.</summary>
    public const long AfterAudits = 1L << 50;

    public static IEnumerable<Finding> Run(AuditContext context, IReadOnlyList<AuditRule> rules)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rules);
        var filter = context.Options.Searches;
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var audit = (long)r << AuditShift;
            if (!rule.ReadsSearches)
            {
                var item = 0L;
                foreach (var finding in rule.Run(context))
                {
                    yield return finding with { Order = audit | item++ << ItemShift };
                }

                continue;
            }

            for (var i = 0; i < context.Identities.Count; i++)
            {
                var identity = context.Identities[i];
                if (filter is not null && !filter(identity))
                {
                    continue;
                }

                var rank = 0L;
                foreach (var finding in rule.Run(context.Only(identity)))
                {
                    yield return finding with { Order = audit | (long)i << ItemShift | rank++ };
                }
            }
        }
    }
}
