using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands.Pull;

/// <summary>
/// <c>keyless pull gitlab --project PATH | --group PATH --out DIR</c>: the project settings that shape tokens, protected
/// branches, tags and environments, and CI/CD variables (keys and flags; values are scanned in memory and never
/// written), with a token from <c>--token-env</c>. Exit 0 complete, 4 partial, 2 bad arguments or nothing readable.
/// </summary>
internal sealed class PullGitLabCommand : AsyncCommand<PullGitLabCommand.Settings>
{
    public sealed class Settings : PullSettings
    {
        [CommandOption("--project <PATH>")]
        [Description("A project's full path (or id). Repeatable.")]
        public string[] Projects { get; init; } = [];

        [CommandOption("--group <PATH>")]
        [Description("A group's full path: its projects, subgroups included, and its variables. Repeatable.")]
        public string[] Groups { get; init; } = [];

        [CommandOption("--instance")]
        [Description("Also read the instance-level CI/CD variables (administrators only).")]
        public bool Instance { get; init; }

        public override ValidationResult Validate() =>
            Projects.Length + Groups.Length == 0 && !Instance
                ? ValidationResult.Error("give --project PATH or --group PATH (or --instance)")
                : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        (await PullRunner.GitLabAsync(settings, settings.Out!, settings.Projects, settings.Groups, settings.Instance, cancellationToken).ConfigureAwait(false)).ExitCode;
}
