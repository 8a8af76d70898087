using System.Diagnostics;

namespace Keyless.Compare;

/// <summary>What one timed run of a command printed and how long it took, start-up included.</summary>
public sealed record ProcessRun(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed);

/// <summary>Runs the commands being compared as separate processes, the way a user runs them.</summary>
public static class Processes
{
    public static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        clock.Stop();
        return new ProcessRun(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), clock.Elapsed);
    }

    /// <summary>One warm-up run, then the configured number of timed runs; the median counts.</summary>
    public static async Task<(TimeSpan Median, ProcessRun Last)> TimedAsync(CompareOptions options, string file, string[] args, string directory, Func<ProcessRun, bool> ok)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ok);
        var times = new List<double>();
        ProcessRun? last = null;
        for (var i = 0; i <= options.ProcessRuns; i++)
        {
            last = await RunAsync(file, args, directory).ConfigureAwait(false);
            if (!ok(last))
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {last.ExitCode}: {last.StdErr}");
            }

            if (i > 0)
            {
                times.Add(last.Elapsed.TotalMilliseconds);
            }
        }

        return (TimeSpan.FromMilliseconds(Timing.Median(times)), last!);
    }

    /// <summary>A long-running helper (a peer server) whose first stdout line is read, killed on dispose.</summary>
    public static Process Start(string file, IEnumerable<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
    }
}
