using System.Diagnostics;

namespace Keyless.Compare;

/// <summary>
/// The one way every in-process workload is timed, in C# and in the node scripts alike: warm up, grow a batch until
/// it takes about 10 ms, then time batches until the budget is spent and take the fastest batch. On a machine shared
/// with other work most batches are stretched by preemption (a load of 26 on 2 cores made medians swing 5x between
/// runs); the fastest batch is the one least disturbed, and every engine is judged by the same rule.
/// </summary>
public static class Timing
{
    private const long BatchTicks = 10 * TimeSpan.TicksPerMillisecond;

    /// <summary>Nanoseconds per call of <paramref name="run"/>.</summary>
    public static double NanosecondsPerCall(Func<bool> run, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sink = 0;
        for (var i = 0; i < 2000; i++)
        {
            sink += run() ? 1 : 0;
        }

        var batch = 1;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch; i++)
            {
                sink += run() ? 1 : 0;
            }

            if (Stopwatch.GetElapsedTime(started).Ticks >= BatchTicks)
            {
                break;
            }

            batch *= 2;
        }

        var samples = new List<double>();
        var budgetStart = Stopwatch.GetTimestamp();
        do
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch; i++)
            {
                sink += run() ? 1 : 0;
            }

            samples.Add(Stopwatch.GetElapsedTime(started).TotalNanoseconds / batch);
        }
        while (Stopwatch.GetElapsedTime(budgetStart) < budget || samples.Count < 3);

        GC.KeepAlive(sink);
        return samples.Min();
    }

    public static double Median(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
