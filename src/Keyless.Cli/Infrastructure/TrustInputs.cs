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
        var parts = new List<string>();
        var stray = skipped.Where(s => s.ReadInstead is null).ToList();
        if (stray.Count > 0)
        {
            var files = stray.Count == 1 ? "1 file" : $"{stray.Count} files";
            parts.Add($"skipped {files} with no trust input: {Names(stray.Select(s => s.File))}");
        }

        // A configuration beside its applied state is not a stray file: say what was read in its place.
        foreach (var group in skipped.Where(s => s.ReadInstead is not null).GroupBy(s => s.ReadInstead!, StringComparer.Ordinal))
        {
            parts.Add($"read {Display(group.Key)} in place of {Names(group.Select(s => s.File))} (the applied state says what is deployed)");
        }

        return string.Join("; ", parts);
    }

    private static string Names(IEnumerable<string> files)
    {
        var all = files.ToList();
        var more = all.Count > NamesShown ? $", … ({all.Count - NamesShown} more)" : string.Empty;
        return string.Join(", ", all.Take(NamesShown).Select(Display)) + more;
    }

    private static string Display(string file) =>
        file.StartsWith("./", StringComparison.Ordinal) || file.StartsWith(".\\", StringComparison.Ordinal) ? file[2..] : file;
}
