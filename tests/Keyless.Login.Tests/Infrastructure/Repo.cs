using System.Reflection;

namespace Keyless.Login.Tests.Infrastructure;

/// <summary>The repository root, stamped into the test assembly at build time.</summary>
public static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "KeylessRepoRoot").Value!;

    /// <summary>The trust the examples and the emulator-backed tests share (a terraform show -json state).</summary>
    public static string ExampleTrust => Path.Combine(Root, "examples", "gitlab-ci", "trust.json");
}
