using System.Diagnostics;
using Keyless.Testing;

namespace Keyless.Cli.Tests.Infrastructure;

/// <summary>
/// A small estate written by <c>bench/gen-corpus/gen_corpus.py</c> (the generator the scale benchmarks use: gcloud
/// providers and policies, Entra federated credentials, a keyless manifest), in a temporary folder that the tests
/// run keyless from, so report paths are relative. Needs python3; callers skip when it is missing.
/// </summary>
public sealed class GeneratedEstate : IDisposable
{
    private GeneratedEstate(string folder) => Folder = folder;

    /// <summary>The folder the tests run in; the estate is its <c>estate/</c> subfolder.</summary>
    public string Folder { get; }

    public static string? Python => ExternalTool.Find("python3");

    public static GeneratedEstate Create(int teams)
    {
        var folder = Directory.CreateTempSubdirectory("keyless-estate-").FullName;
        var start = new ProcessStartInfo(Python ?? throw new InvalidOperationException("python3 is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "bench", "gen-corpus", "gen_corpus.py"), Path.Combine(folder, "estate"), "--teams", teams.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"gen_corpus.py failed: {error.Result}");
        }

        return new GeneratedEstate(folder);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
