using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands.Pull;

/// <summary>
/// <c>keyless pull aws [--account ID] --out DIR</c>: one account's IAM OIDC providers, the roles whose trust names one,
/// and the IAM users with their access keys' metadata, with the AWS SDK's default credential chain. Exit 0 complete, 4
/// partial, 2 bad arguments or nothing readable.
/// </summary>
internal sealed class PullAwsCommand : AsyncCommand<PullAwsCommand.Settings>
{
    public sealed class Settings : PullSettings
    {
        [CommandOption("--account <ID>")]
        [Description("The 12-digit account the credentials sign in to: names the scope (aws:ID) and the folder (aws/ID/). Default: 'default'.")]
        public string? Account { get; init; }

        public override ValidationResult Validate() =>
            Account is { } account && !IsAccount(account)
                ? ValidationResult.Error($"--account '{account}' is not a 12-digit AWS account id")
                : base.Validate();
    }

    /// <summary>AWS account ids are twelve digits.</summary>
    public static bool IsAccount(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        (await PullRunner.AwsAsync(settings, settings.Out!, settings.Account ?? "default", cancellationToken).ConfigureAwait(false)).ExitCode;
}
