using System.Diagnostics;

namespace Keyless.Cli.Tests.Infrastructure;

/// <summary>What one run of the real <c>keyless</c> binary printed and returned.</summary>
public sealed record KeylessRun(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// Runs the built <c>keyless</c> (<see cref="KeylessBinary"/>) as a separate process, exactly as a user would, so exit codes,
/// stdout/stderr separation and "no stack trace" are tested for real.
/// </summary>
public static class KeylessProcess
{
    public static async Task<KeylessRun> RunAsync(
        IEnumerable<string> args,
        string? stdin = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = KeylessBinary.StartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = workingDirectory ?? RepoPaths.Root;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start keyless");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return new KeylessRun(process.ExitCode, await stdout, await stderr);
    }

    public static Task<KeylessRun> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);
}
