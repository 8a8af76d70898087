using System.Globalization;
using System.Reflection;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// How much fuzzing a run does. The default keeps the whole project well under a minute on two cores so it runs in
/// CI; <c>scripts/fuzz</c> raises <c>KEYLESS_FUZZ_ITERATIONS</c> for long campaigns and sets
/// <c>KEYLESS_FUZZ_SAVE=1</c> so failing inputs land in <c>tests/fuzz-corpus/&lt;target&gt;/</c>.
/// </summary>
internal static class FuzzBudget
{
    public const long DefaultIterations = 250;

    /// <summary>Iterations per property (each property draws one input per iteration).</summary>
    public static long Iterations { get; } = Number("KEYLESS_FUZZ_ITERATIONS", DefaultIterations);

    /// <summary>A CsCheck seed to replay a reported failure exactly; null draws a fresh one.</summary>
    public static string? Seed { get; } = Environment.GetEnvironmentVariable("KEYLESS_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    /// <summary>Whether a failing input is written to the corpus (off in CI so a red run leaves the tree clean).</summary>
    public static bool SaveFailures { get; } = Environment.GetEnvironmentVariable("KEYLESS_FUZZ_SAVE") == "1";

    /// <summary>One case taking this long is a hang: real inputs of these sizes take milliseconds.</summary>
    public static TimeSpan CaseTimeout { get; } = TimeSpan.FromSeconds(Number("KEYLESS_FUZZ_CASE_TIMEOUT_SECONDS", 20));

    public static string RepoRoot { get; } = typeof(FuzzBudget).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "KeylessRepoRoot").Value!;

    public static string CorpusDirectory(string target) => Path.Combine(RepoRoot, "tests", "fuzz-corpus", target);

    private static long Number(string name, long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
