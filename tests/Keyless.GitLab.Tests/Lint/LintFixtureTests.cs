using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>Every fixture's findings are exactly its <c># NOT OK</c> annotations, line for line.</summary>
public sealed class LintFixtureTests
{
    public static TheoryData<string> Entries => new(LintFixtures.Entries);

    [Theory]
    [MemberData(nameof(Entries))]
    public void Findings_match_the_annotations(string entry)
    {
        var path = Path.Combine(LintFixtures.Root, entry);
        var folder = Path.GetDirectoryName(path)!;
        var document = PipelineReader.Read(path, new PipelineReaderOptions(folder));

        var findings = Linter.Lint(document, LintFixtures.OptionsFor(path));

        var actual = findings
            .Select(f => $"{Path.GetRelativePath(folder, f.Location.File)}:{f.Location.Line}: {f.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = document.Files
            .SelectMany(file => LintFixtures.Annotations(file)
                .SelectMany(a => a.Value.Select(id => $"{Path.GetRelativePath(folder, file)}:{a.Key}: {id}")))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
        Assert.Empty(document.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Every_finding_says_what_to_do(string entry)
    {
        var path = Path.Combine(LintFixtures.Root, entry);
        var document = PipelineReader.Read(path, new PipelineReaderOptions(Path.GetDirectoryName(path)));

        foreach (var finding in Linter.Lint(document, LintFixtures.OptionsFor(path)))
        {
            Assert.False(string.IsNullOrWhiteSpace(finding.Message));
            Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
            Assert.NotNull(finding.Location.Line);
        }
    }

    [Fact]
    public void Each_rule_folder_has_a_case_that_fires_and_one_that_must_not()
    {
        foreach (var rule in LintRegistry.Rules)
        {
            var folder = Path.Combine(LintFixtures.Root, rule.Id);
            Assert.True(Directory.Exists(folder), $"no fixtures for {rule.Id}");
            var annotations = Directory.EnumerateFiles(folder, "*.yml", SearchOption.AllDirectories)
                .SelectMany(f => LintFixtures.Annotations(f).Values).ToList();
            Assert.Contains(annotations, ids => ids.Contains(rule.Id));
            Assert.Contains(annotations, ids => ids.Count == 0);
        }
    }

    [Fact]
    public void The_clean_pipelines_have_no_findings()
    {
        var entries = LintFixtures.Entries.Where(e => e.StartsWith(LintFixtures.CleanFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            var path = Path.Combine(LintFixtures.Root, entry);
            var document = PipelineReader.Read(path, new PipelineReaderOptions(Path.GetDirectoryName(path)));
            Assert.Empty(Linter.Lint(document, LintFixtures.OptionsFor(path)));
            Assert.Contains(document.Jobs, j => j.HoldsToken);
        }
    }
}
