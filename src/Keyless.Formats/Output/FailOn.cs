using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>The exit-code policy of spec §5 for commands that report findings, and 4 for an incomplete result.</summary>
public static class FailOn
{
    /// <summary>The exit code of a result that is otherwise clean but did not see everything (as <c>keyless pull</c>'s partial).</summary>
    public const int Incomplete = 4;

    /// <summary>
    /// Rules whose findings say a part of the input could not be read (<c>not-verified</c> from a live pull,
    /// <c>not-scanned</c> from a group walk), not that something read is wrong.
    /// </summary>
    public static IReadOnlySet<string> IncompleteRules { get; } = new HashSet<string>(StringComparer.Ordinal) { "not-verified", "not-scanned" };

    /// <summary>
    /// 1 when any other finding is at or above <paramref name="threshold"/>; else <see cref="Incomplete"/> when a
    /// part could not be read, whatever its severity (a clean verdict on what was seen must not pass for a clean
    /// verdict on everything); else 0.
    /// </summary>
    public static int ExitCode(IReadOnlyList<Finding> findings, Severity threshold)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var incomplete = false;
        foreach (var finding in findings)
        {
            if (IncompleteRules.Contains(finding.Id))
            {
                incomplete = true;
            }
            else if (finding.Severity >= threshold)
            {
                return 1;
            }
        }

        return incomplete ? Incomplete : 0;
    }
}
