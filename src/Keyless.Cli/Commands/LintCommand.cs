using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Inputs;
using Keyless.GitLab.Lint;
using Keyless.GitLab.Pipeline;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless lint</c>: reads a <c>.gitlab-ci.yml</c> as GitLab does (includes, extends, anchors, !reference, default:)
/// and reports how its jobs get and handle ID tokens, each finding at its file and line; with <c>--trust</c>, also
/// against the cloud trust they are exchanged at.
/// </summary>
internal sealed class LintCommand : Command<LintCommand.Settings>
{
    public sealed class Settings : FindingOutputSettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("The pipeline configuration to lint.")]
        [DefaultValue(".gitlab-ci.yml")]
        public string File { get; init; } = ".gitlab-ci.yml";

        [CommandOption("--trust <INPUTS>")]
        [Description("Trust inputs (files or folders: Terraform JSON, gcloud, az, Graph, ARM, GitLab API) to check audiences and environments against. Repeatable.")]
        public string[] Trust { get; init; } = [];

        [CommandOption("--project-root <DIR>")]
        [Description("Where include: local paths start (default: the folder of FILE).")]
        public string? ProjectRoot { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var document = PipelineReader.Read(settings.File, new PipelineReaderOptions(settings.ProjectRoot));
        foreach (var diagnostic in document.Diagnostics)
        {
            // What GitLab itself would reject; the lint goes on with what it could read.
            Console.Error.WriteLine($"keyless lint: warning: {diagnostic}");
        }

        foreach (var note in document.Notes)
        {
            // What GitLab accepts but changed what the lint saw (a repeated key, an include not read, an input with no value).
            Console.Error.WriteLine($"keyless lint: note: {note}");
        }

        var options = new LintOptions { Trust = settings.Trust.Length > 0 ? TrustInputs.Load("lint", settings.Trust, TrustRequirement.AnyTrust) : null };
        var findings = Linter.Lint(document, options);
        return FindingOutput.Render(settings, "lint", findings, LintRegistry.Descriptors);
    }
}
