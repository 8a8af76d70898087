using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>The exit-code policy of spec §5 for commands that report findings.</summary>
public static class FailOn
{
    /// <summary>1 when any finding is at or above <paramref name="threshold"/>, else 0.</summary>
    public static int ExitCode(IReadOnlyList<Finding> findings, Severity threshold)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var finding in findings)
        {
            if (finding.Severity >= threshold)
            {
                return 1;
            }
        }

        return 0;
    }
}
