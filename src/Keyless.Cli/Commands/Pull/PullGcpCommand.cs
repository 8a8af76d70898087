using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands.Pull;

/// <summary>
/// <c>keyless pull gcp --project P --out DIR</c>: workload identity pools and providers, service accounts with their IAM
/// policies and user-managed keys, the project's IAM policy and number, with Application Default Credentials. Exit 0
/// complete, 4 partial, 2 bad arguments or nothing readable.
/// </summary>
internal sealed class PullGcpCommand : AsyncCommand<PullGcpCommand.Settings>
{
    public sealed class Settings : PullSettings
    {
        [CommandOption("--project <PROJECT>")]
        [Description("A project id (or number) to read. Repeatable.")]
        public string[] Projects { get; init; } = [];

        public override ValidationResult Validate() =>
            Projects.Length == 0 ? ValidationResult.Error("give at least one --project PROJECT") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        (await PullRunner.GcpAsync(settings, settings.Out!, settings.Projects, cancellationToken).ConfigureAwait(false)).ExitCode;
}
