using System.Reflection;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Audits;
using Keyless.Trust.Findings;
using Keyless.Trust.Model;

namespace Keyless.Trust.Tests.Audits;

/// <summary>The fixture folders under tests/audit-cases: trust/ in real formats plus expected.json.</summary>
public static class AuditCases
{
    public static string Root { get; } = Path.Combine(
        typeof(AuditCases).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "KeylessRepoRoot").Value!,
        "tests", "audit-cases");

    public static string RepoRoot => Path.GetDirectoryName(Path.GetDirectoryName(Root))!;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    public static TrustSet Trust(string name) => TrustLoader.Load([Path.Combine(Root, name, "trust")]);

    public static JsonObject Expected(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Root, name, "expected.json")))!;

    public static AuditOptions Options(string name) =>
        Expected(name)["gitlabVersion"] is { } v ? new AuditOptions { GitLabVersion = Version.Parse(v.GetValue<string>()) } : AuditOptions.Default;

    public static IReadOnlyList<Finding> Run(string name) => Auditor.Run(Trust(name), Options(name));
}
