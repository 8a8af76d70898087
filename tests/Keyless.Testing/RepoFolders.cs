using System.Reflection;

namespace Keyless.Testing;

/// <summary>The repository's own folders (examples, fixtures), found through the source tree the tests were built from.</summary>
public static class RepoFolders
{
    public static string Root { get; } = typeof(RepoFolders).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "KeylessRepoRoot").Value!;

    public static string Examples => Path.Combine(Root, "examples");

    public static string Example(string name) => Path.Combine(Examples, name);
}
