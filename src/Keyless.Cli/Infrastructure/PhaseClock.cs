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

    private PhaseClock(string command) => _command = command;

    /// <summary>A clock when the variable asks for one, else null (every call below is then a no-op).</summary>
    public static PhaseClock? Start(string command) =>
        Environment.GetEnvironmentVariable("KEYLESS_PHASES") == "1" ? new PhaseClock(command) : null;

    public void Mark(string phase)
    {
        var wall = _clock.Elapsed.TotalSeconds;
        _clock.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024.0);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"keyless {_command}: phase {phase}: {wall:0.00} s wall, {cpu:0.00} s CPU so far, GC heap {heap:0} MB"));
    }
}
