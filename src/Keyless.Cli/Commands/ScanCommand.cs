using Keyless.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>Placeholder until its issue lands; exits 3 so nothing mistakes it for a result.</summary>
internal sealed class ScanCommand : Command<ScanCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine("keyless: this command is not built yet");
        return ExitCodes.InternalError;
    }
}
