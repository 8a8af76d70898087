using Keyless.Trust.Audits;

namespace Keyless.Trust.Tests.Audits;

public sealed class AuditRegistryTests
{
    private static string DocsFolder => Path.Combine(AuditCases.RepoRoot, "docs", "audits");

    [Fact]
    public void Ids_are_unique_kebab_case()
    {
        var ids = AuditRegistry.All.Select(r => r.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }

    [Fact]
    public void Every_audit_has_a_docs_page_with_summary_why_witness_and_fix()
    {
        foreach (var rule in AuditRegistry.All)
        {
            var page = Path.Combine(DocsFolder, rule.Id + ".md");
            Assert.True(File.Exists(page), $"missing {page}");
            var text = File.ReadAllText(page);
            Assert.StartsWith("# " + rule.Id, text, StringComparison.Ordinal);
            foreach (var section in new[] { "## Why", "## Example", "## Fix" })
            {
                Assert.Contains(section, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_docs_page_belongs_to_a_registered_audit()
    {
        // README and the model of GitLab are the two pages about every audit.
        var ids = AuditRegistry.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(DocsFolder, "*.md").Select(Path.GetFileNameWithoutExtension).Where(n => n is not ("README" or "gitlab-model"));
        Assert.All(pages, page => Assert.Contains(page!, ids));
    }

    [Fact]
    public void Every_audit_has_a_fixture_that_expects_it_and_fixtures_name_only_registered_audits()
    {
        var ids = AuditRegistry.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var expected = Directory.GetDirectories(AuditCases.Root).Select(Path.GetFileName)
            .SelectMany(c => AuditCases.Expected(c!)["findings"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(ids.Except(expected));
        Assert.Empty(expected.Except(ids));
    }
}
