using System.Reflection;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Audits;
using Keyless.Trust.Model;

namespace Keyless.Trust.Tests.RedTeam;

/// <summary>
/// The folders under tests/redteam-cases (written by its generate.py): small trusts built to break the search, each
/// with the personas that must and must not get in, the reason, and the GitLab fact it rests on.
/// </summary>
public static class RedTeamCorpus
{
    public static string Root { get; } = Path.Combine(
        typeof(RedTeamCorpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "KeylessRepoRoot").Value!,
        "tests", "redteam-cases");

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

    public static JsonObject Spec(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Root, name, "case.json")))!;

    public static AuditOptions Options(string name) =>
        Spec(name)["options"] is JsonObject o
            ? new AuditOptions
            {
                GitLabVersion = o["gitlabVersion"] is { } v ? Version.Parse(v.GetValue<string>()) : null,
                GitLabUrl = o["gitlabUrl"] is { } u ? new Uri(u.GetValue<string>()) : null,
            }
            : AuditOptions.Default;

    public static IEnumerable<(string Persona, string Why)> Personas(JsonObject spec, string key) =>
        spec[key]!.AsArray().Select(e => (e!["persona"]!.GetValue<string>(), e["why"]!.GetValue<string>()));
}
