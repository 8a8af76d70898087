using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// GitLab's security reports (<c>artifacts:reports:sast</c> and <c>:secret_detection</c>), schema version
/// <see cref="SchemaVersion"/> of the security-report-schemas project, as vendored by GitLab itself: a <c>scan</c>
/// naming keyless as analyzer and scanner, and one vulnerability per finding with a stable id, the rule as primary
/// identifier (linked to its docs page), the fix as solution and Keyless's own axes as details. Secret detection
/// also needs the commit each finding was seen in.
/// </summary>
internal static class GitLabSecurityReportRenderer
{
    /// <summary>The newest 15.x schema GitLab vendors (tests/schemas/gitlab-security-reports/).</summary>
    public const string SchemaVersion = "15.2.1";

    // GitLab's own secret-detection analyzer writes this when the scanned tree is not a commit (a folder, an export).
    private const string NoCommit = "0000000";

    // The schema's limits: a longer name or solution makes GitLab reject the whole report.
    private const int MaxName = 255;
    private const int MaxSolution = 7000;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, IReadOnlyList<RuleDescriptor> rules,
                             FindingWriterOptions options, bool secretDetection)
    {
        var type = secretDetection ? "secret_detection" : "sast";
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            summaries.TryAdd(rule.Id, rule.Summary);
        }

        var fingerprints = FindingFingerprints.For(findings, options.BaseDirectory);
        // A caller that does not say when it ran gets "now" for both: the schema requires the times.
        var now = TimeProvider.System.GetUtcNow();
        var times = options.Times ?? new ReportTimes(now, now);
        ReportJson.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("version", SchemaVersion);
            writer.WriteString("schema", $"https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v{SchemaVersion}/dist/{type.Replace('_', '-')}-report-format.json");
            WriteScan(writer, type, times, options);
            writer.WriteStartArray("vulnerabilities");
            for (var i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                WriteVulnerability(writer, finding, summaries.GetValueOrDefault(finding.Id, finding.Id), fingerprints[i],
                    options, secretDetection);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WriteScan(Utf8JsonWriter writer, string type, ReportTimes times, FindingWriterOptions options)
    {
        writer.WriteStartObject("scan");

        // Keyless is both: it does not wrap another scanner the way GitLab's analyzers wrap gitleaks or semgrep.
        foreach (var role in new[] { "analyzer", "scanner" })
        {
            writer.WriteStartObject(role);
            writer.WriteString("id", "keyless");
            writer.WriteString("name", "Keyless");
            writer.WriteString("url", RuleDocs.RepositoryUrl);
            writer.WriteString("version", options.ToolVersion);
            writer.WriteStartObject("vendor");
            writer.WriteString("name", "Keyless");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteString("type", type);
        writer.WriteString("start_time", Timestamp(times.Started));
        writer.WriteString("end_time", Timestamp(times.Finished));
        writer.WriteString("status", "success");
        writer.WriteEndObject();
    }

    private static void WriteVulnerability(Utf8JsonWriter writer, Finding finding, string summary, string fingerprint,
                                           FindingWriterOptions options, bool secretDetection)
    {
        var docs = RuleDocs.Url(options.ToolCommand, finding.Id).AbsoluteUri;
        writer.WriteStartObject();
        writer.WriteString("id", StableUuid(fingerprint));
        writer.WriteString("name", Truncate(summary, MaxName));
        writer.WriteString("description", finding.Message);
        writer.WriteString("severity", SeverityOf(finding.Severity));
        writer.WriteString("solution", Truncate(finding.Fix, MaxSolution));

        writer.WriteStartArray("identifiers");
        writer.WriteStartObject();
        writer.WriteString("type", "keyless_rule_id");
        writer.WriteString("name", $"Keyless {options.ToolCommand} rule {finding.Id}");
        writer.WriteString("value", finding.Id);
        writer.WriteString("url", docs);
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartArray("links");
        writer.WriteStartObject();
        writer.WriteString("name", $"{finding.Id} (Keyless docs)");
        writer.WriteString("url", docs);
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartObject("location");
        writer.WriteString("file", ReportPaths.Display(finding.Location.File, options.BaseDirectory));
        if (finding.Location.Line is { } line and > 0)
        {
            writer.WriteNumber("start_line", line);
        }

        if (secretDetection)
        {
            writer.WriteStartObject("commit");
            writer.WriteString("sha", options.CommitSha is { Length: > 0 } sha ? sha : NoCommit);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        WriteDetails(writer, finding);
        writer.WriteEndObject();
    }

    // The vulnerability page shows details as labelled fields: what GitLab's own fields have no room for.
    private static void WriteDetails(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject("details");
        Text(writer, "confidence", "Confidence", finding.Confidence.ToWire());
        if (finding.Persona is { } persona)
        {
            Text(writer, "persona", "Persona", persona.ToWire());
        }

        if (finding.Identity is { Length: > 0 } identity)
        {
            Text(writer, "identity", "Identity", identity);
        }

        if (finding.Location.Path is { Length: > 0 } path)
        {
            Text(writer, "path", "Place in the file", path);
        }

        if (finding.Witness is { } witness)
        {
            writer.WriteStartObject("witness");
            writer.WriteString("name", "Witness token claims");
            writer.WriteString("type", "code");
            writer.WriteString("lang", "json");
            writer.WriteString("value", witness.ToJsonString(Indented));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter writer, string key, string name, string value)
    {
        writer.WriteStartObject(key);
        writer.WriteString("name", name);
        writer.WriteString("type", "text");
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }

    private static string SeverityOf(Severity severity) => severity switch
    {
        Severity.Info => "Info",
        Severity.Low => "Low",
        Severity.Medium => "Medium",
        Severity.High => "High",
        Severity.Critical => "Critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    // The schema's own pattern: UTC, to the second, no offset.
    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// A UUID (version 8, RFC 9562's custom layout) from the finding's fingerprint, so the same finding keeps its
    /// id from pipeline to pipeline and GitLab tracks it instead of reopening it.
    /// </summary>
    private static string StableUuid(string fingerprint)
    {
        Span<byte> bytes = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("keyless-gitlab-report\n" + fingerprint), bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes[..16]);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Never cut a surrogate pair in two: half a character is not valid text.
        var keep = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
