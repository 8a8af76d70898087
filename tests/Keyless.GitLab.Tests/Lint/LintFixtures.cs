using System.Reflection;
using Keyless.Formats.Inputs;
using Keyless.GitLab.Lint;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>
/// The lint fixtures: <c>tests/Keyless.GitLab.Tests/Fixtures/lint/&lt;rule-id&gt;/</c> (and <c>clean/</c>). Each
/// <c>*.gitlab-ci.yml</c> directly in a folder is a pipeline to lint, with that folder as its project root; other
/// YAML files are what it includes. A line ending in <c># NOT OK: id[, id]</c> must get exactly those findings, a
/// line ending in <c># OK</c> none, and no other line any. Trust inputs for the rules that need them go in a
/// <c>trust/</c> folder beside the pipelines.
/// </summary>
public static class LintFixtures
{
    public const string CleanFolder = "clean";

    public const string TrustFolder = "trust";

    public static string Root { get; } = Path.Combine(RepoRoot(), "tests", "Keyless.GitLab.Tests", "Fixtures", "lint");

    public static IEnumerable<string> Folders => Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>Entry files, relative to <see cref="Root"/> (folder/name.gitlab-ci.yml).</summary>
    public static IEnumerable<string> Entries =>
        Folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*gitlab-ci.yml")
            .Select(file => Path.GetRelativePath(Root, file)))
        .Order(StringComparer.Ordinal);

    /// <summary>
    /// The lint options for an entry file: with the trust inputs in a <c>trust/</c> folder beside it, when there is
    /// one (for the rules that need <c>--trust</c>), as <c>keyless lint --trust</c> loads them.
    /// </summary>
    public static LintOptions OptionsFor(string entryPath)
    {
        var trust = Path.Combine(Path.GetDirectoryName(entryPath)!, TrustFolder);
        return Directory.Exists(trust) ? new LintOptions { Trust = TrustLoader.Load([trust], TrustRequirement.AnyTrust) } : LintOptions.Default;
    }

    /// <summary>Every annotation in <paramref name="file"/>: line → expected rule ids (empty for <c># OK</c>).</summary>
    public static Dictionary<int, HashSet<string>> Annotations(string file)
    {
        var annotations = new Dictionary<int, HashSet<string>>();
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var notOk = line.LastIndexOf("# NOT OK:", StringComparison.Ordinal);
            if (notOk >= 0)
            {
                var ids = line[(notOk + "# NOT OK:".Length)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                annotations[i + 1] = [.. ids.Select(id => id.Split(' ')[0])];
            }
            else if (line.Contains("# OK", StringComparison.Ordinal))
            {
                annotations[i + 1] = [];
            }
        }

        return annotations;
    }

    private static string RepoRoot()
    {
        var stamped = typeof(LintFixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "KeylessRepoRoot")?.Value;
        return stamped ?? throw new InvalidOperationException("the test assembly has no KeylessRepoRoot metadata");
    }
}
