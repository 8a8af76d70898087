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
internal abstract class FindingOutputSettings : CommandSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("Output format: text, json, sarif or codequality.")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("--fail-on <SEVERITY>")]
    [Description("Exit 1 when a finding is at or above this severity: info, low, medium, high or critical.")]
    [DefaultValue("high")]
    public string FailOn { get; init; } = "high";

    [CommandOption("--output <FILE>")]
    [Description("Write the report to FILE instead of standard output.")]
    public string? Output { get; init; }

    public OutputFormat OutputFormat =>
        OutputFormatNames.TryParse(Format, out var format) ? format : throw new InvalidOperationException("not validated");

    public Severity FailOnSeverity =>
        SeverityNames.TryParse(FailOn, out var severity) ? severity : throw new InvalidOperationException("not validated");

    public override ValidationResult Validate()
    {
        if (!OutputFormatNames.TryParse(Format, out _))
        {
            return ValidationResult.Error(
                $"--format: '{Format}' is not one of {string.Join(", ", OutputFormatNames.All)}");
        }

        if (!SeverityNames.TryParse(FailOn, out _))
        {
            return ValidationResult.Error($"--fail-on: '{FailOn}' is not one of info, low, medium, high, critical");
        }

        return ValidationResult.Success();
    }
}
