using System.Text;
using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>
/// tests/real-pipelines/: pipeline files nobody here wrote (SOURCE.md names each one's repository, path and commit).
/// Every <c>*.yml</c> is linted as an entry, from its project root: the first folder under the corpus, or the second
/// under <c>projects/</c> (one folder per public project). The expected output of each is a golden file under
/// <c>expected/</c>; <c>expected/SUMMARY.txt</c> counts them.
/// </summary>
internal static class RealPipelineCorpus
{
    public const string ExpectedFolder = "expected";

    /// <summary>Files GitLab rejects (SOURCE.md says why): `keyless lint` must refuse them, naming line and column.</summary>
    public const string RejectedFolder = "rejected";

    public static string Root { get; } = Path.GetFullPath(Path.Combine(LintFixtures.Root, "..", "..", "..", "real-pipelines"));

    /// <summary>Entry files GitLab accepts, relative to <see cref="Root"/>, with forward slashes, in order.</summary>
    public static IReadOnlyList<string> Entries { get; } =
        PipelineFiles().Where(f => !f.StartsWith(RejectedFolder + "/", StringComparison.Ordinal)).ToList();

    /// <summary>Files GitLab rejects, under <see cref="RejectedFolder"/>.</summary>
    public static IReadOnlyList<string> Rejected { get; } =
        PipelineFiles().Where(f => f.StartsWith(RejectedFolder + "/", StringComparison.Ordinal)).ToList();

    private static IEnumerable<string> PipelineFiles() =>
        Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(ExpectedFolder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static string ProjectRoot(string entry)
    {
        var parts = entry.Split('/');
        return parts[0] == "projects" ? $"{parts[0]}/{parts[1]}" : parts[0];
    }

    public static string GoldenPath(string entry) => Path.Combine(Root, ExpectedFolder, entry + ".txt");

    /// <summary>The lint of one entry as text: findings, then what GitLab would reject, then the notes.</summary>
    public static Result Lint(string entry)
    {
        var root = Path.Combine(Root, ProjectRoot(entry));
        string Shown(string file) => Path.GetRelativePath(Root, Path.GetFullPath(file, root)).Replace('\\', '/');

        var text = new StringBuilder($"# {entry} (project root {ProjectRoot(entry)}/)\n");
        PipelineDocument document;
        try
        {
            document = PipelineReader.Read(Path.Combine(Root, entry), new PipelineReaderOptions(root));
        }
        catch (InputException e)
        {
            // What `keyless lint` exits 2 on, where the CLI shows it: only files GitLab rejects may get here.
            text.Append($"refused {Shown(e.File)}:{e.Line}:{e.Column}: {e.Message}\n");
            return new Result(text.ToString(), [], Refused: true, 0, 0, 0) { RefusedAt = (e.Line, e.Column) };
        }

        var findings = Linter.Lint(document);
        foreach (var f in findings)
        {
            // A message that names another place names it by its full path: shown from the corpus root, as the CLI
            // shows it from where the user named the file.
            var message = f.Message.Replace(Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
            text.Append($"{Shown(f.Location.File)}:{f.Location.Line} {f.Severity.ToWire()} {f.Confidence.ToWire()} {f.Id}: {message}\n");
        }

        foreach (var d in document.Diagnostics)
        {
            text.Append($"warning {Shown(d.Location.File)}:{d.Location.Line}: {d.Message}\n");
        }

        foreach (var n in document.Notes)
        {
            text.Append($"note {Shown(n.Location.File)}:{n.Location.Line}: {n.Message}\n");
        }

        return new Result(text.ToString(), findings, Refused: false, document.Files.Count, document.Diagnostics.Count, document.Notes.Count);
    }

    public sealed record Result(string Text, IReadOnlyList<Finding> Findings, bool Refused, int FilesRead, int Warnings, int Notes)
    {
        /// <summary>The line and column a refusal names, where it names them.</summary>
        public (int? Line, int? Column) RefusedAt { get; init; }

        /// <summary>A refusal that names the line and column, as GitLab's own error does.</summary>
        public bool RefusedAtLineAndColumn => Refused && RefusedAt is ({ }, { });
    }
}
