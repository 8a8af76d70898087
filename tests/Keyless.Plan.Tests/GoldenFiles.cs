using System.Reflection;
using Keyless.Plan;

namespace Keyless.Plan.Tests;

/// <summary>
/// Compares a generated plan with committed golden files, file by file, and checks that no golden file is stale.
/// <c>UPDATE_GOLDEN=1</c> rewrites them from the current output instead (then review the diff); see docs/testing.md.
/// </summary>
internal static class GoldenFiles
{
    public static string RepoRoot { get; } = FindRoot();

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "Keyless.Plan.Tests", "Fixtures", name);

    public static string GoldenFolder(string name) => Path.Combine(RepoRoot, "tests", "Keyless.Plan.Tests", "Golden", name);

    /// <summary>Every file under <paramref name="folder"/> must be one of <paramref name="files"/>, byte for byte.</summary>
    public static void AssertFolder(string folder, IReadOnlyList<PlanFile> files)
    {
        if (Updating)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var file in files)
            {
                var path = Path.Combine(folder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
            }

            return;
        }

        Assert.True(Directory.Exists(folder), $"golden folder {folder} is missing: run the tests once with UPDATE_GOLDEN=1");
        var expected = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, files.Select(f => f.Path).Order(StringComparer.Ordinal).ToList());
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, file.Path)), file.Content);
        }
    }

    private static string FindRoot()
    {
        var stamped = typeof(GoldenFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "KeylessRepoRoot")?.Value;
        return stamped is not null && File.Exists(Path.Combine(stamped, "Keyless.slnx"))
            ? stamped
            : throw new InvalidOperationException("KeylessRepoRoot metadata missing");
    }
}
