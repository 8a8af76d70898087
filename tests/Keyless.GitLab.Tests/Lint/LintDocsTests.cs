using Keyless.Formats.Inputs;
using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Tests.Lint;

/// <summary>The registry, the docs pages (docs/lint/&lt;id&gt;.md) and the fixture folders name the same rules.</summary>
public sealed class LintDocsTests
{
    private static readonly string Docs = Path.Combine(LintFixtures.Root, "..", "..", "..", "..", "docs", "lint");

    public static TheoryData<string> RuleIds => new(LintRegistry.Rules.Select(r => r.Id));

    private static string Page(string id) => File.ReadAllText(Path.Combine(Docs, id + ".md"));

    /// <summary>The first yaml (or <paramref name="language"/>) code block after a <c>## heading</c> of the page.</summary>
    private static string Example(string page, string heading, string language = "yaml")
    {
        var at = page.IndexOf("## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no '## {heading}' section");
        var fence = "```" + language + "\n";
        var start = page.IndexOf(fence, at, StringComparison.Ordinal) + fence.Length;
        var end = page.IndexOf("```", start, StringComparison.Ordinal);
        return page[start..end];
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_has_a_page_that_names_it_and_its_default_severity(string id)
    {
        var rule = LintRegistry.Rules.Single(r => r.Id == id);
        var page = Page(id);

        Assert.StartsWith($"# {id}\n", page, StringComparison.Ordinal);
        Assert.Contains($"Default severity: {rule.Descriptor.DefaultSeverity.ToWire()}", page, StringComparison.Ordinal);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(Docs, "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_before_example_fires_the_rule_and_the_after_example_is_clean(string id)
    {
        var page = Page(id);
        var options = LintRegistry.Rules.Single(r => r.Id == id).NeedsTrust ? TrustOf(page) : LintOptions.Default;

        var before = Linter.Lint(PipelineReader.Parse(Example(page, "Before"), id + ".md"), options);
        var after = Linter.Lint(PipelineReader.Parse(Example(page, "After"), id + ".md"), options);

        Assert.Contains(before, f => f.Id == id);
        Assert.Empty(after);
    }

    /// <summary>A rule that needs <c>--trust</c> shows the trust in a <c>## Trust</c> section (Terraform JSON), loaded as the CLI loads it.</summary>
    private static LintOptions TrustOf(string page)
    {
        var folder = Directory.CreateTempSubdirectory("keyless-lint-docs-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "main.tf.json"), Example(page, "Trust", "json"));
            return new LintOptions { Trust = TrustLoader.Load([folder.FullName], TrustRequirement.AnyTrust) };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_page_and_every_fixture_folder_belongs_to_a_registered_rule()
    {
        var ids = LintRegistry.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.EnumerateFiles(Docs, "*.md").Select(Path.GetFileNameWithoutExtension).Where(n => n != "README");
        var folders = LintFixtures.Folders.Where(f => f != LintFixtures.CleanFolder);

        Assert.All(pages, page => Assert.Contains(page!, ids));
        Assert.All(folders, folder => Assert.Contains(folder, ids));
    }

    [Fact]
    public void Rule_ids_are_unique_and_kebab_case()
    {
        var ids = LintRegistry.Rules.Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }
}
