using Keyless.Trust.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Keyless.Cli.Infrastructure;

/// <summary>The exit codes of spec §5, and the one place exceptions become them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;

    // The parser says "Unknown option 'formt'."; the nearest option of the command follows, as for a mistyped command.
    private const string UnknownOption = "Unknown option '";

    /// <summary>
    /// Bad input and bad usage name the place and exit 2; anything else is a bug and exits 3 with one line
    /// (the stack trace only when KEYLESS_DEBUG is set), never a wall of text at the user.
    /// </summary>
    public static int FromException(Exception exception, ITypeResolver? resolver)
    {
        var error = HumanConsole.CreateError();
        switch (exception)
        {
            case InputException input:
                error.MarkupLineInterpolated($"[red]error:[/] {input.Location}: {input.Message}");
                return BadInput;
            case CommandAppException usage:
                error.MarkupLineInterpolated($"[red]error:[/] {usage.Message}{SuggestionFor(usage.Message)}");
                return BadInput;
            default:
                error.MarkupLineInterpolated($"[red]internal error:[/] {exception.GetType().Name}: {exception.Message}");
                if (Environment.GetEnvironmentVariable("KEYLESS_DEBUG") is { Length: > 0 })
                {
                    error.WriteLine(exception.ToString(), Style.Plain);
                }

                return InternalError;
        }
    }

    private static string SuggestionFor(string message)
    {
        if (!message.StartsWith(UnknownOption, StringComparison.Ordinal) || message.IndexOf('\'', UnknownOption.Length) is not (> 0 and var end))
        {
            return string.Empty;
        }

        return CommandSuggestion.ForOption(message[UnknownOption.Length..end]) is { } near ? $" Did you mean '{near}'?" : string.Empty;
    }
}
