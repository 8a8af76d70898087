using System.Reflection;

namespace Keyless.Scan.Tests;

public sealed class ScanRegistryTests
{
    private static readonly string Docs = Path.Combine(
        typeof(ScanRegistryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "KeylessRepoRoot").Value!,
        "docs", "scan");

    [Fact]
    public void Should_Have_Unique_Kebab_Case_Ids()
    {
        var ids = ScanRegistry.Rules.Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }

    [Fact]
    public void Should_Have_A_Docs_Page_For_Every_Detector_And_No_Orphan_Page()
    {
        var ids = ScanRegistry.Rules.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var pages = Directory.GetFiles(Docs, "*.md").Select(p => Path.GetFileNameWithoutExtension(p)!)
            .Where(name => name != "README").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ids, pages);
    }

    [Fact]
    public void Should_Have_A_Test_Class_For_Every_Detector()
    {
        var tests = typeof(ScanRegistryTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(ScanRegistry.Detectors, d => Assert.Contains(d.GetType().Name + "Tests", tests));
    }
}
