using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// GitLab Code Quality: a JSON array of <c>description</c>, <c>check_name</c>, <c>fingerprint</c>,
/// <c>severity</c> (info|minor|major|critical|blocker) and <c>location.path</c>/<c>lines.begin</c>
/// (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
/// </summary>
internal static class CodeQualityFindingRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, FindingWriterOptions options)
    {
        var fingerprints = FindingFingerprints.For(findings, options.BaseDirectory);
        ReportJson.Write(output, writer =>
        {
            writer.WriteStartArray();
            for (var i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                writer.WriteStartObject();
                writer.WriteString("description", Describe(finding));
                writer.WriteString("check_name", finding.Id);
                writer.WriteString("fingerprint", fingerprints[i]);
                writer.WriteString("severity", SeverityOf(finding.Severity));
                writer.WriteStartObject("location");
                writer.WriteString("path", ReportPaths.Display(finding.Location.File, options.BaseDirectory));
                writer.WriteStartObject("lines");

                // GitLab requires a begin line; findings about a whole file or an API object point at line 1.
                writer.WriteNumber("begin", finding.Location.Line ?? 1);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    // The MR widget shows only the description, so the JSON path (a variable, a job) goes into it.
    private static string Describe(Finding finding) =>
        finding.Location.Path is { Length: > 0 } path ? $"{finding.Message} ({path})" : finding.Message;

    private static string SeverityOf(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Low => "minor",
        Severity.Medium => "major",
        Severity.High => "critical",
        Severity.Critical => "blocker",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
