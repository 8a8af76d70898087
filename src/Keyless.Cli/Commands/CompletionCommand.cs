using System.ComponentModel;
using Keyless.Cli.Completion;
using Keyless.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless completion bash|zsh|fish|pwsh</c>: prints the shell's completion script for keyless's commands, options
/// and their fixed values, built from the commands themselves so it never lags behind them.
/// </summary>
internal sealed class CompletionCommand : Command<CompletionCommand.Settings>
{
    public sealed class Settings : KeylessSettings
    {
        [CommandArgument(0, "<SHELL>")]
        [Description("bash, zsh, fish or pwsh (PowerShell). Each script says how to load it.")]
        public string Shell { get; init; } = string.Empty;

        public override ValidationResult Validate() => CompletionModel.ShellNames.Contains(Shell)
            ? ValidationResult.Success()
            : ValidationResult.Error($"SHELL: '{Shell}' is not one of {string.Join(", ", CompletionModel.ShellNames)}");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var model = CompletionModel.Current;
        Console.Out.Write(settings.Shell switch
        {
            "bash" => BashCompletion.Script(model),
            "zsh" => ZshCompletion.Script(model),
            "fish" => FishCompletion.Script(model),
            _ => PwshCompletion.Script(model),
        });
        return ExitCodes.Ok;
    }
}
