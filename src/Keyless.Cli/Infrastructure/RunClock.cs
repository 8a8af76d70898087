namespace Keyless.Cli.Infrastructure;

/// <summary>
/// When this run of keyless started, for reports that give a scan's start and end (GitLab's security reports).
/// Program.cs reads it first thing, so it is the process's start and not the moment a report is written.
/// </summary>
internal static class RunClock
{
    public static DateTimeOffset Started { get; } = TimeProvider.System.GetUtcNow();
}
