using System.Diagnostics;
using System.Globalization;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// With <c>KEYLESS_PHASES=1</c>, one line on standard error per phase of a command: its wall time, the process's
/// CPU time so far and the GC heap after it. How docs/performance.md splits an audit's cost; silent otherwise.
/// </summary>
internal sealed class PhaseClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _command;

    private readonly bool _live;

    private PhaseClock(string command, bool live)
    {
        _command = command;
        _live = live;
    }

    /// <summary>A clock when the variable asks for one, else null (every call below is then a no-op).</summary>
    public static PhaseClock? Start(string command) =>
        Environment.GetEnvironmentVariable("KEYLESS_PHASES") is "1" or "live" ? new PhaseClock(command, Environment.GetEnvironmentVariable("KEYLESS_PHASES") == "live") : null;

    public void Mark(string phase)
    {
        var wall = _clock.Elapsed.TotalSeconds;
        _clock.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024.0);
        // KEYLESS_PHASES=live also collects and reports what is still reachable (slower; the GC heap counts garbage).
        var live = _live ? string.Create(CultureInfo.InvariantCulture, $", live {GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0):0} MB") : string.Empty;
        // How much of the time so far the collector took, and how often each generation was collected.
        var gc = string.Create(CultureInfo.InvariantCulture,
            $"GC pauses {GC.GetTotalPauseDuration().TotalSeconds:0.00} s so far ({GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} of gen 0/1/2)");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"keyless {_command}: phase {phase}: {wall:0.00} s wall, {cpu:0.00} s CPU so far, GC heap {heap:0} MB{live}, {gc}"));
    }
}
