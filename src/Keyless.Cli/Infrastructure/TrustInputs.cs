using Keyless.Formats.Inputs;
using Keyless.Trust.Model;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Loads the trust a command's positional inputs name, and tells the user in one line on standard error which files
/// in the folders were not read (a package.json, editor settings): quiet enough for a repository folder, and never
/// a silent gap.
/// </summary>
internal static class TrustInputs
{
    // Enough names to recognise the folder's stray files; the count says how many more.
    private const int NamesShown = 5;

    public static TrustSet Load(string command, IEnumerable<string> paths, TrustRequirement requirement = TrustRequirement.Identity)
    {
        var trust = TrustLoader.Load(paths, requirement);
        if (trust.Skipped.Count > 0)
        {
            Console.Error.WriteLine($"keyless {command}: {SkippedLine(trust.Skipped)}");
        }

        return trust;
    }

    public static string SkippedLine(IReadOnlyList<SkippedInput> skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        var names = skipped.Take(NamesShown).Select(s => Display(s.File));
        var more = skipped.Count > NamesShown ? $", … ({skipped.Count - NamesShown} more)" : string.Empty;
        var files = skipped.Count == 1 ? "1 file" : $"{skipped.Count} files";
        return $"skipped {files} with no trust input: {string.Join(", ", names)}{more}";
    }

    private static string Display(string file) =>
        file.StartsWith("./", StringComparison.Ordinal) || file.StartsWith(".\\", StringComparison.Ordinal) ? file[2..] : file;
}
