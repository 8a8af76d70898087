using System.Text;
using Keyless.Testing;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>
/// Issue 20: `keyless lint` on pipelines people really have. No file of the corpus (all accepted by GitLab) is refused,
/// and each one's findings, warnings and notes are its reviewed golden file; the summary counts them by rule.
/// </summary>
public sealed class RealPipelineCorpusTests
{
    public static TheoryData<string> Entries => new(RealPipelineCorpus.Entries);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Each_pipeline_is_read_and_linted_as_its_golden_file_says(string entry)
    {
        var result = RealPipelineCorpus.Lint(entry);

        Assert.False(result.Refused, result.Text);
        GoldenText.AssertMatches(RealPipelineCorpus.GoldenPath(entry), result.Text);
    }

    public static TheoryData<string> Rejected => new(RealPipelineCorpus.Rejected);

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Each_file_GitLab_rejects_is_refused_naming_line_and_column(string file)
    {
        var result = RealPipelineCorpus.Lint(file);

        Assert.True(result.RefusedAtLineAndColumn, result.Text);
        GoldenText.AssertMatches(RealPipelineCorpus.GoldenPath(file), result.Text);
    }

    [Fact]
    public void The_summary_counts_files_and_findings_by_rule_with_no_refusal()
    {
        var results = RealPipelineCorpus.Entries.Select(RealPipelineCorpus.Lint).ToList();
        var findings = results.SelectMany(r => r.Findings).ToList();
        var summary = new StringBuilder();
        summary.Append($"pipelines linted: {results.Count}\n");
        summary.Append($"files read (entries and their local includes): {results.Sum(r => r.FilesRead)}\n");
        summary.Append($"refused (keyless lint exit 2): {results.Count(r => r.Refused)}\n");
        var rejected = RealPipelineCorpus.Rejected.Select(RealPipelineCorpus.Lint).ToList();
        summary.Append($"files GitLab rejects: {rejected.Count}, refused naming line and column: {rejected.Count(r => r.RefusedAtLineAndColumn)}\n");
        summary.Append($"warnings (what GitLab would reject): {results.Sum(r => r.Warnings)}\n");
        summary.Append($"notes (what GitLab accepts that changed what the lint saw): {results.Sum(r => r.Notes)}\n");
        summary.Append($"findings: {findings.Count}\n");
        foreach (var rule in findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var bySeverity = rule.GroupBy(f => f.Severity).OrderBy(g => g.Key).Select(g => $"{g.Key.ToWire()} {g.Count()}");
            summary.Append($"  {rule.Key}: {rule.Count()} ({string.Join(", ", bySeverity)})\n");
        }

        TestContext.Current.SendDiagnosticMessage(summary.ToString());
        Assert.DoesNotContain(results, r => r.Refused);
        Assert.All(rejected, r => Assert.True(r.RefusedAtLineAndColumn, r.Text));
        GoldenText.AssertMatches(Path.Combine(RealPipelineCorpus.Root, RealPipelineCorpus.ExpectedFolder, "SUMMARY.txt"), summary.ToString());
    }

    [Fact]
    public void Docs_testing_md_shows_the_totals_of_the_summary()
    {
        var summary = File.ReadAllText(Path.Combine(RealPipelineCorpus.Root, RealPipelineCorpus.ExpectedFolder, "SUMMARY.txt"));
        var docs = File.ReadAllText(Path.Combine(RealPipelineCorpus.Root, "..", "..", "docs", "testing.md"));

        Assert.Contains("```text\n" + summary + "```", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_pipeline_of_the_corpus()
    {
        var expected = Path.Combine(RealPipelineCorpus.Root, RealPipelineCorpus.ExpectedFolder);
        var goldens = Directory.EnumerateFiles(expected, "*.txt", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(expected, f).Replace('\\', '/'))
            .Where(f => f != "SUMMARY.txt");

        Assert.All(goldens, g => Assert.Contains(g[..^".txt".Length], RealPipelineCorpus.Entries.Concat(RealPipelineCorpus.Rejected)));
    }

    [Fact]
    public void Every_file_of_the_corpus_has_its_source_named()
    {
        var sources = File.ReadAllText(Path.Combine(RealPipelineCorpus.Root, "SOURCE.md"));

        Assert.All(RealPipelineCorpus.Entries.Concat(RealPipelineCorpus.Rejected), entry => Assert.Contains($"`{entry}`", sources, StringComparison.Ordinal));
    }
}
