namespace Keyless.Compare;

/// <summary>audit 1x vs 10x corpus: waits for bench/gen-corpus.</summary>
public static class AuditSection
{
    public static Task RunAsync(CompareOptions options, Report report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        report.Note("audit: bench/gen-corpus is not there yet; no figure");
        return Task.CompletedTask;
    }
}
