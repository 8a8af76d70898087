using Keyless.Trust.Audits;
using Keyless.Trust.Findings;
using Spectre.Console;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Runs an audit's searches with a progress bar on standard error when it is a terminal and the estate is large
/// enough to wait for; the bar clears itself when done, and a redirected standard error sees nothing.
/// </summary>
internal static class AuditProgress
{
    // Below this an audit takes well under a second and a bar would only flicker.
    private const int MinIdentities = 500;

    /// <summary>The findings of <see cref="AuditRun.Findings"/>, with the bar while the identities are searched.</summary>
    public static IReadOnlyList<Finding> Run(AuditContext audit, IReadOnlyList<AuditRule> rules)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var count = audit.Identities.Count;
        if (Console.IsErrorRedirected || count < MinIdentities)
        {
            return AuditRun.Findings(audit, rules);
        }

        IReadOnlyList<Finding> findings = [];
        HumanConsole.CreateError().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask($"attacking {count} identities", maxValue: count);

                // Called from every worker thread; Increment takes the task's own lock.
                findings = AuditRun.Findings(audit, rules, (_, _) => task.Increment(1));
                task.Value = task.MaxValue;
            });
        return findings;
    }
}
