namespace Keyless.Compare;

/// <summary>
/// Where things are (Keyless: the native <c>keyless</c> executable that bench/compare published, as users get it)
/// and how long to spend. <c>--quick</c> trades steadiness for a run of a few minutes.
/// </summary>
public sealed record CompareOptions(bool Quick, string RepoRoot, string NpmDirectory, string WorkDirectory, string Keyless)
{
    /// <summary>Time per expression and engine for the in-process CEL loops.</summary>
    public TimeSpan CelBudget => Quick ? TimeSpan.FromMilliseconds(400) : TimeSpan.FromSeconds(3);

    /// <summary>Token exchanges per side, and how many are in flight at once (the same for both servers).</summary>
    public int StsRequests => Quick ? 10_000 : 30_000;

    public int StsConcurrency { get; init; } = 8;

    /// <summary>Files in the scan corpus (about 5.8 KB each, 20 planted keys in the quick corpus).</summary>
    public int ScanFiles => Quick ? 2000 : 8000;

    /// <summary>Timed runs of each command-line tool (after one warm-up run); the median counts.</summary>
    public int ProcessRuns => Quick ? 3 : 7;

    public string Workload(string name) => Path.Combine(RepoRoot, "bench", "Keyless.Compare", "workloads", name);
}
