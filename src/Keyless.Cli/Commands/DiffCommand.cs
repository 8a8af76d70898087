using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Inputs;
using Keyless.Formats.Output;
using Keyless.Trust.Diff;
using Keyless.Trust.Findings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless diff OLD NEW</c> (or <c>--old PATH... --new PATH...</c>): the token classes, per identity and persona,
/// the new trust admits and the old did not, each with a witness. Exits 1 whenever something new is admitted.
/// </summary>
internal sealed class DiffCommand : Command<DiffCommand.Settings>
{
    public sealed class Settings : FindingOutputSettings
    {
        [CommandArgument(0, "[OLD]")]
        [Description("The trust before the change (file or folder).")]
        public string? OldPath { get; init; }

        [CommandArgument(1, "[NEW]")]
        [Description("The trust after the change (file or folder).")]
        public string? NewPath { get; init; }

        [CommandOption("--old <PATH>")]
        [Description("Trust inputs before the change; repeatable (instead of OLD).")]
        public string[] Old { get; init; } = [];

        [CommandOption("--new <PATH>")]
        [Description("Trust inputs after the change; repeatable (instead of NEW).")]
        public string[] New { get; init; } = [];

        public string[] OldInputs => OldPath is null ? Old : [OldPath, .. Old];

        public string[] NewInputs => NewPath is null ? New : [NewPath, .. New];

        protected override IReadOnlyList<string> ConfigInputs => NewInputs;

        public override ValidationResult Validate()
        {
            var result = base.Validate();
            if (!result.Successful)
            {
                return result;
            }

            return OldInputs.Length == 0 || NewInputs.Length == 0
                ? ValidationResult.Error("give the old and the new trust: keyless diff OLD NEW, or --old PATH... --new PATH...")
                : ValidationResult.Success();
        }
    }

    public static IReadOnlyList<RuleDescriptor> Rules { get; } =
        [new RuleDescriptor(TrustDiff.RuleId, "The new trust admits a token class the old one denied.", Severity.High)];

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var before = TrustInputs.Load("diff", settings.OldInputs);
        var after = TrustInputs.Load("diff", settings.NewInputs);
        var findings = TrustDiff.Run(before, after);
        Console.Error.WriteLine(findings.Count == 0
            ? "keyless diff: the new trust admits nothing the old one denied."
            : $"keyless diff: {findings.Count} token class(es) newly admitted.");
        var exit = FindingOutput.Render(settings, "diff", findings, Rules);
        return findings.Count > 0 ? ExitCodes.Findings : exit;
    }
}
