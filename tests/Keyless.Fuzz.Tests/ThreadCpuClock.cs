using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Keyless.Fuzz.Tests;

/// <summary>
/// The CPU time the calling thread has used, in nanoseconds: what a scaling measurement wants, since it does not grow
/// while the thread waits for a core (on a 2-core machine shared with builds, wall time moved 100× between two runs
/// of the same work). Linux's per-thread clock; elsewhere the wall clock stands in.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID, linux/time.h

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static long Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));
    }
}
