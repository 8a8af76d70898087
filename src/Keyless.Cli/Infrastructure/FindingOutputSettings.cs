using System.ComponentModel;
using Keyless.Formats.Output;
using Keyless.Trust.Findings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// The options every findings command shares (audit, lint, scan, diff): <c>--format</c>, <c>--fail-on</c> and
/// <c>--output</c>. Commands derive their settings from it and render through <see cref="FindingOutput"/>.
/// </summary>
internal abstract class FindingOutputSettings : KeylessSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("Output format: text, json, sarif, codequality, or GitLab's security report: gitlab-sast (audit, lint, diff), gitlab-secret-detection (scan).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("--fail-on <SEVERITY>")]
    [Description("Exit 1 when a finding is at or above this severity: info, low, medium, high or critical.")]
    [DefaultValue("high")]
    public string FailOn { get; init; } = "high";

    [CommandOption("--output <FILE>")]
    [Description("Write the report to FILE instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--baseline <REPORT>")]
    [Description("An earlier JSON report (--format json): report only findings not in it (matched by fingerprint), and say how many were suppressed and how many of its entries are gone.")]
    public string? Baseline { get; init; }

    /// <summary>The GitLab security report this command's findings belong in: secret detection for scan's, SAST for
    /// trust and pipeline findings.</summary>
    private OutputFormat GitLabReport => GitLabReportOf(GetType());

    /// <summary>The <c>--format</c> spellings the command with these settings takes (for shell completion).</summary>
    public static IReadOnlyList<string> AcceptedFormats(Type settings) => Accepted(GitLabReportOf(settings));

    private static OutputFormat GitLabReportOf(Type settings) =>
        settings == typeof(Commands.ScanCommand.Settings) ? OutputFormat.GitLabSecretDetection : OutputFormat.GitLabSast;

    private static string[] Accepted(OutputFormat gitLabReport) => OutputFormatNames.All
        .Where(name => OutputFormatNames.TryParse(name, out var f) && (f == gitLabReport || f is not (OutputFormat.GitLabSast or OutputFormat.GitLabSecretDetection)))
        .ToArray();

    public OutputFormat OutputFormat =>
        OutputFormatNames.TryParse(Format, out var format) ? format : throw new InvalidOperationException("not validated");

    public Severity FailOnSeverity =>
        SeverityNames.TryParse(FailOn, out var severity) ? severity : throw new InvalidOperationException("not validated");

    public override ValidationResult Validate()
    {
        if (!OutputFormatNames.TryParse(Format, out var format))
        {
            return ValidationResult.Error($"--format: '{Format}' is not one of {string.Join(", ", Accepted(GitLabReport))}");
        }

        if (format is OutputFormat.GitLabSast or OutputFormat.GitLabSecretDetection && format != GitLabReport)
        {
            return ValidationResult.Error(
                $"--format {Format}: these findings go in GitLab's {GitLabReport.ToWire()} report; use --format {GitLabReport.ToWire()}");
        }

        if (!SeverityNames.TryParse(FailOn, out _))
        {
            return ValidationResult.Error($"--fail-on: '{FailOn}' is not one of info, low, medium, high, critical");
        }

        return ValidationResult.Success();
    }
}
