using System.ComponentModel;
using Keyless.Formats.Config;
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
    [Description("Exit 1 when a finding is at or above this severity: info, low, medium, high or critical. Default: fail-on of .keyless.yml, else high.")]
    public string? FailOn { get; init; }

    [CommandOption("--output <FILE>")]
    [Description("Write the report to FILE instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--baseline <REPORT>")]
    [Description("An earlier JSON report (--format json): report only findings not in it (matched by fingerprint), and say how many were suppressed and how many of its entries are gone.")]
    public string? Baseline { get; init; }

    [CommandOption("--config <FILE>")]
    [Description("The .keyless.yml to obey (severity overrides, fail-on, ignores with reasons and expiry, GitLab instance). Default: the nearest .keyless.yml upward from the first input.")]
    public string? ConfigPath { get; init; }

    private KeylessConfig? _config;
    private bool _configLoaded;

    /// <summary>The inputs a <c>.keyless.yml</c> is looked for above (the first one's folder and its parents).</summary>
    protected virtual IReadOnlyList<string> ConfigInputs => [];

    /// <summary>The config this run obeys, read once (bad config is exit 2 naming file, line and key).</summary>
    public KeylessConfig? Config
    {
        get
        {
            if (!_configLoaded)
            {
                _config = ConfigFile.Load(ConfigPath, ConfigInputs);
                _configLoaded = true;
            }

            return _config;
        }
    }

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
        FailOn is null ? Config?.FailOn ?? Severity.High
        : SeverityNames.TryParse(FailOn, out var severity) ? severity : throw new InvalidOperationException("not validated");

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

        if (FailOn is not null && !SeverityNames.TryParse(FailOn, out _))
        {
            return ValidationResult.Error($"--fail-on: '{FailOn}' is not one of info, low, medium, high, critical");
        }

        return ValidationResult.Success();
    }
}
