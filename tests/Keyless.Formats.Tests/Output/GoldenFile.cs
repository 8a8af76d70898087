using System.Reflection;

namespace Keyless.Formats.Tests.Output;

/// <summary>
/// Compares rendered output with a committed golden file under <c>Output/Golden/</c>. Set <c>UPDATE_GOLDEN=1</c>
/// to rewrite the golden files from the current output instead (then review the diff); see docs/testing.md.
/// </summary>
internal static class GoldenFile
{
    private static readonly string Folder = Path.Combine(RepoRoot(), "tests", "Keyless.Formats.Tests", "Output", "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Updating)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing: run the tests once with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string RepoRoot()
    {
        var stamped = typeof(GoldenFile).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "KeylessRepoRoot")?.Value;
        return stamped is not null && File.Exists(Path.Combine(stamped, "Keyless.slnx"))
            ? stamped
            : throw new InvalidOperationException("KeylessRepoRoot metadata missing");
    }
}
