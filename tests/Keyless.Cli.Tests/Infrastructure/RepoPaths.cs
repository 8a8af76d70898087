namespace Keyless.Cli.Tests.Infrastructure;

/// <summary>Locates the repository root (the folder holding Keyless.slnx) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        var stamped = typeof(RepoPaths).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "KeylessRepoRoot")?.Value;
        if (stamped is not null && File.Exists(Path.Combine(stamped, "Keyless.slnx")))
        {
            return stamped;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Keyless.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Keyless.slnx not found above " + AppContext.BaseDirectory);
    }
}
