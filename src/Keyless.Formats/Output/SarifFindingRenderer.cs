using System.Globalization;
using System.Text.Json;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// SARIF 2.1.0: one run, the registry's rules (plus any id a finding uses that the registry lacks), results with
/// <c>ruleId</c> = finding id, a level from the severity, a physical location and line region, and a stable
/// partial fingerprint. Keyless's own axes (severity, confidence, persona, identity, fix, witness) go in properties.
/// </summary>
internal static class SarifFindingRenderer
{
    private const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, IReadOnlyList<RuleDescriptor> rules,
                             FindingWriterOptions options)
    {
        var allRules = WithMissingRules(findings, rules);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < allRules.Count; i++)
        {
            ruleIndex.TryAdd(allRules[i].Id, i);
        }

        var fingerprints = FindingFingerprints.For(findings, options.BaseDirectory);
        ReportJson.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", Schema);
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            WriteTool(writer, allRules, options);
            writer.WriteStartObject("automationDetails");
            writer.WriteString("id", $"keyless-{options.ToolCommand}/");
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            for (var i = 0; i < findings.Count; i++)
            {
                WriteResult(writer, findings[i], ruleIndex[findings[i].Id], fingerprints[i], options);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static List<RuleDescriptor> WithMissingRules(IReadOnlyList<Finding> findings, IReadOnlyList<RuleDescriptor> rules)
    {
        var all = rules.ToList();
        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (known.Add(finding.Id))
            {
                all.Add(new RuleDescriptor(finding.Id, finding.Id, finding.Severity));
            }
        }

        return all;
    }

    private static void WriteTool(Utf8JsonWriter writer, IReadOnlyList<RuleDescriptor> rules, FindingWriterOptions options)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "keyless");
        writer.WriteString("version", options.ToolVersion);
        writer.WriteString("informationUri", RuleDocs.RepositoryUrl);
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", rule.Id);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Summary);
            writer.WriteEndObject();
            writer.WriteString("helpUri", RuleDocs.Url(options.ToolCommand, rule.Id).AbsoluteUri);
            writer.WriteStartObject("help");
            writer.WriteString("text", $"{rule.Summary}. See {RuleDocs.Page(options.ToolCommand, rule.Id)}.");
            writer.WriteEndObject();
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", LevelOf(rule.DefaultSeverity));
            writer.WriteEndObject();
            writer.WriteStartObject("properties");

            // GitHub code scanning ranks security results by this number (CVSS-like, as a string).
            writer.WriteString("security-severity", SecuritySeverityOf(rule.DefaultSeverity));
            writer.WriteStartArray("tags");
            writer.WriteStringValue("security");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, Finding finding, int ruleIndex, string fingerprint,
                                    FindingWriterOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.Id);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", LevelOf(finding.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", finding.Message);
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", ReportPaths.ToUri(finding.Location.File, options.BaseDirectory));
        writer.WriteEndObject();
        if (finding.Location.Line is { } line and > 0)
        {
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", line);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        if (finding.Location.Path is { Length: > 0 } path)
        {
            writer.WriteStartArray("logicalLocations");
            writer.WriteStartObject();
            writer.WriteString("fullyQualifiedName", path);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("partialFingerprints");
        writer.WriteString("keyless/v1", fingerprint);
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("severity", finding.Severity.ToWire());
        writer.WriteString("confidence", finding.Confidence.ToWire());
        if (finding.Persona is { } persona)
        {
            writer.WriteString("persona", persona.ToWire());
        }

        if (finding.Identity is { } identity)
        {
            writer.WriteString("identity", identity);
        }

        writer.WriteString("fix", finding.Fix);
        if (finding.Witness is { } witness)
        {
            writer.WritePropertyName("witness");
            witness.WriteTo(writer);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string LevelOf(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string SecuritySeverityOf(Severity severity) => (severity switch
    {
        Severity.Critical => 9.5,
        Severity.High => 8.0,
        Severity.Medium => 5.5,
        Severity.Low => 3.0,
        _ => 0.0,
    }).ToString("0.0", CultureInfo.InvariantCulture);
}
