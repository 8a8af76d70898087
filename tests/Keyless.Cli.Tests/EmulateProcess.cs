using System.Diagnostics;
using System.Text;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>
/// A running <c>keyless emulate</c> process on free ports, with the URLs and certificate path read from its banner and
/// its stdout (the decision log) collected. Stopped with SIGTERM, as a service manager would.
/// </summary>
public sealed class EmulateProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EmulateProcess(Process process, string certDirectory)
    {
        _process = process;
        CertDirectory = certDirectory;
    }

    public static string Fixtures => Path.Combine(RepoPaths.Root, "tests", "Keyless.Cli.Tests", "EmulateFixtures");

    public string Http { get; private set; } = string.Empty;

    public string Https { get; private set; } = string.Empty;

    public string CertificatePath { get; private set; } = string.Empty;

    /// <summary>A private folder per run: the default certificate folder is shared by the whole machine.</summary>
    public string CertDirectory { get; }

    public string StdOut
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StdErr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static Task<EmulateProcess> StartAsync(params string[] extraArgs)
    {
        var certDirectory = Path.Combine(Path.GetTempPath(), "keyless-emulate-test-" + Guid.NewGuid().ToString("N"));
        return StartAsync([Path.Combine(Fixtures, "trust"), "--http-port", "0", "--https-port", "0", "--cert-dir", certDirectory, .. extraArgs],
            RepoPaths.Root, certDirectory);
    }

    /// <summary>
    /// <c>keyless emulate ARGS</c> as given (they must choose free ports, e.g. <c>--http-port 0 --https-port 0</c>), in
    /// <paramref name="workingDirectory"/>; <paramref name="certDirectory"/> is deleted with it.
    /// </summary>
    public static async Task<EmulateProcess> StartAsync(IEnumerable<string> args, string workingDirectory, string certDirectory)
    {
        var start = KeylessBinary.StartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = workingDirectory;
        start.ArgumentList.Add("emulate");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start keyless emulate");
        var emulate = new EmulateProcess(process, certDirectory);

        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (emulate._stdout)
                {
                    emulate._stdout.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) => emulate.OnStdErr(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(emulate._ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != emulate._ready.Task)
        {
            var why = process.HasExited ? $"exited {process.ExitCode}" : "did not start in time";
            await emulate.DisposeAsync();
            throw new InvalidOperationException($"keyless emulate {why}:\n{emulate.StdErr}");
        }

        return emulate;
    }

    /// <summary>Runs the emulator until it exits on its own (bad input), returning what it printed.</summary>
    public static Task<KeylessRun> RunToExitAsync(params string[] args) =>
        KeylessProcess.RunAsync(["emulate", .. args], timeout: TimeSpan.FromSeconds(90));

    private void OnStdErr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.AppendLine(line);
        }

        var trimmed = line.Trim();
        if (trimmed.StartsWith("http:", StringComparison.Ordinal))
        {
            Http = trimmed["http:".Length..].Trim();
        }
        else if (trimmed.StartsWith("https:", StringComparison.Ordinal))
        {
            Https = trimmed["https:".Length..].Trim();
        }
        else if (trimmed.StartsWith("certificate:", StringComparison.Ordinal))
        {
            CertificatePath = trimmed["certificate:".Length..].Trim();
        }
        else if (trimmed.StartsWith("mint:", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>Sends SIGTERM and waits; the exit code, or null if it had to be killed.</summary>
    public async Task<int?> StopAsync()
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }

        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        if (Directory.Exists(CertDirectory))
        {
            Directory.Delete(CertDirectory, recursive: true);
        }
    }
}
