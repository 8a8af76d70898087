using System.Reflection;

namespace Keyless.Cli.Infrastructure;

/// <summary>What <c>keyless --version</c> prints and the reports name: the csproj's Version, plus the commit when built from git.</summary>
internal static class ToolVersion
{
    public static string Informational { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
