using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands.Pull;

/// <summary>
/// <c>keyless pull azure --tenant T [--subscription S] --out DIR</c>: Entra applications with their federated credentials
/// (Graph) and user-assigned managed identities with theirs (ARM), with Azure.Identity's default credential chain. Exit
/// 0 complete, 4 partial, 2 bad arguments or nothing readable.
/// </summary>
internal sealed class PullAzureCommand : AsyncCommand<PullAzureCommand.Settings>
{
    public sealed class Settings : PullSettings
    {
        [CommandOption("--tenant <TENANT>")]
        [Description("The Entra tenant (directory) id to read.")]
        public string? Tenant { get; init; }

        [CommandOption("--subscription <ID>")]
        [Description("A subscription to read managed identities in. Repeatable. Default: every subscription ARM lists.")]
        public string[] Subscriptions { get; init; } = [];

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Tenant) ? ValidationResult.Error("--tenant TENANT is required") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        (await PullRunner.AzureAsync(settings, settings.Out!, settings.Tenant!, settings.Subscriptions, cancellationToken).ConfigureAwait(false)).ExitCode;
}
