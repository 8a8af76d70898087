using System.Diagnostics;

namespace Keyless.Login.Tests.Infrastructure;

/// <summary>What a real client printed and returned.</summary>
public sealed record ToolRun(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
}

/// <summary>
/// gcloud as installed, and the Python and google-auth it bundles; tests needing it skip with the reason when
/// it is missing. Its configuration lives in a scratch folder and trusts the emulator's certificate.
/// </summary>
public static class Gcloud
{
    public static string? Path { get; } = (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "gcloud"))
        .FirstOrDefault(File.Exists);

    public static void SkipWithout() =>
        Assert.SkipWhen(Path is null, "gcloud is not installed on this machine (google-cloud-cli); the gcloud client tests need it");

    // The SDK root is the folder above the real bin/gcloud; it bundles a Python and google-auth.
    private static string SdkRoot =>
        System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(new FileInfo(Path!).ResolveLinkTarget(true)?.FullName ?? Path!))!;

    private const string RefreshScript = """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        from google.auth import identity_pool
        from google.auth.transport.requests import Request
        with open(sys.argv[2]) as f:
            info = json.load(f)
        credentials = identity_pool.Credentials.from_info(info, scopes=["https://www.googleapis.com/auth/cloud-platform"])
        try:
            credentials.refresh(Request())
        except Exception as e:
            print("REFUSED " + str(e))
            sys.exit(1)
        print("TOKEN " + credentials.token[:7] + " " + credentials.expiry.isoformat())
        """;

    public static Dictionary<string, string> Environment(string scratch, string caFile) => new()
    {
        ["CLOUDSDK_CONFIG"] = System.IO.Path.Combine(scratch, "gcloud"),
        ["CLOUDSDK_CORE_DISABLE_PROMPTS"] = "1",
        ["CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"] = caFile,
        ["CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"] = "1",
        ["CLOUDSDK_CORE_DISABLE_USAGE_REPORTING"] = "true",
        ["REQUESTS_CA_BUNDLE"] = caFile,
    };

    /// <summary>Refreshes a credential configuration with gcloud's bundled google-auth (identity_pool.Credentials).</summary>
    public static Task<ToolRun> RefreshAsync(string config, string scratch, string caFile) =>
        RunAsync(
            System.IO.Path.Combine(SdkRoot, "platform", "bundledpythonunix", "bin", "python3"),
            ["-c", RefreshScript, System.IO.Path.Combine(SdkRoot, "lib", "third_party"), config],
            Environment(scratch, caFile));

    public static Task<ToolRun> RunGcloudAsync(IEnumerable<string> args, string scratch, string caFile) =>
        RunAsync(Path!, args, Environment(scratch, caFile));

    private static async Task<ToolRun> RunAsync(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " did not finish in time");
        }

        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}
