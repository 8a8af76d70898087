using System.Diagnostics;

namespace Keyless.Compare.Sts;

/// <summary>
/// <c>keyless emulate DIR &gt; sts-decisions.log</c> as its own process on free ports, as a user runs it: the decision
/// log goes to a file through the shell, and the HTTP address is read from the banner on stderr. Stopped with
/// SIGTERM, as a service manager would.
/// </summary>
public sealed class EmulateProcess : IAsyncDisposable
{
    private const string HttpBannerPrefix = "  http:";

    private readonly Process _process;
    private readonly Task _drainStderr;

    private EmulateProcess(Process process, string httpUrl, Task drainStderr)
    {
        _process = process;
        HttpUrl = httpUrl;
        _drainStderr = drainStderr;
    }

    /// <summary>The plain-HTTP base URL, without a trailing slash.</summary>
    public string HttpUrl { get; }

    public static async Task<EmulateProcess> StartAsync(CompareOptions options, string trustDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = Path.Combine(options.WorkDirectory, "sts-decisions.log");
        var certificates = Path.Combine(options.WorkDirectory, "sts-cert");
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.RepoRoot,
        };
        // exec: the shell only sets up the redirect, so SIGTERM reaches keyless itself.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" emulate \"$1\" --http-port 0 --https-port 0 --cert-dir \"$2\" > \"$3\"");
        start.ArgumentList.Add(options.Keyless);
        start.ArgumentList.Add(trustDirectory);
        start.ArgumentList.Add(certificates);
        start.ArgumentList.Add(log);
        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start keyless emulate");
        var banner = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardError.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
        {
            banner.Add(line);
            if (line.StartsWith(HttpBannerPrefix, StringComparison.Ordinal))
            {
                var url = line[HttpBannerPrefix.Length..].Trim().TrimEnd('/');
                return new EmulateProcess(process, url, process.StandardError.ReadToEndAsync());
            }
        }

        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        throw new InvalidOperationException($"keyless emulate exited {process.ExitCode} before listening: {string.Join(" | ", banner)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        await _drainStderr.ConfigureAwait(false);
        _process.Dispose();
    }
}
