using System.Diagnostics;

namespace Keyless.Cli.Tests.Infrastructure;

/// <summary>
/// Which <c>keyless</c> the tests run: the JIT build beside the tests (<c>dotnet keyless.dll</c>), or the native
/// executable named by <c>KEYLESS_TEST_BINARY</c>, so the same tests check what <c>dotnet publish</c> ships
/// (scripts/test runs them both ways).
/// </summary>
public static class KeylessBinary
{
    public const string Variable = "KEYLESS_TEST_BINARY";

    /// <summary>The native executable under test, or null for the JIT build.</summary>
    public static string? Native { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
        ? File.Exists(path) ? Path.GetFullPath(path) : throw new InvalidOperationException($"{Variable}={path}: no such file")
        : null;

    /// <summary>A start for <c>keyless</c> with its first arguments in place; the caller adds the rest.</summary>
    public static ProcessStartInfo StartInfo()
    {
        if (Native is { } native)
        {
            return new ProcessStartInfo(native);
        }

        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "keyless.dll"));
        return start;
    }
}
