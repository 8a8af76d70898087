using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>Renders findings of audit, lint, scan and diff in one of the output formats (spec §5).</summary>
public static class FindingWriter
{
    public static void Write(TextWriter output, OutputFormat format, IReadOnlyList<Finding> findings,
                             IReadOnlyList<RuleDescriptor> rules, FindingWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);

        // By cause, the formats with one result per problem get one per cause; JSON always has both.
        var byCause = options.Grouping == FindingGrouping.Cause;
        if (byCause && format == OutputFormat.Text)
        {
            CauseTextRenderer.Write(output, findings, options);
            return;
        }

        if (byCause && format != OutputFormat.Json)
        {
            findings = CauseFindings.Of(FindingCauses.Group(findings));
        }

        switch (format)
        {
            case OutputFormat.Text:
                TextFindingRenderer.Write(output, findings, options);
                break;
            case OutputFormat.Json:
                JsonFindingRenderer.Write(output, findings, options);
                break;
            case OutputFormat.Sarif:
                SarifFindingRenderer.Write(output, findings, rules, options);
                break;
            case OutputFormat.CodeQuality:
                CodeQualityFindingRenderer.Write(output, findings, options);
                break;
            case OutputFormat.GitLabSast:
                GitLabSecurityReportRenderer.Write(output, findings, rules, options, secretDetection: false);
                break;
            case OutputFormat.GitLabSecretDetection:
                GitLabSecurityReportRenderer.Write(output, findings, rules, options, secretDetection: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }
}
