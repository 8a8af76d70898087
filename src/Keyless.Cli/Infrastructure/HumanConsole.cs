using Spectre.Console;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// The console for text meant for people on stdout: colour only on a terminal without NO_COLOR, and no
/// hard wrapping when piped, so a provider name or URL is never cut in the middle for grep or a file.
/// </summary>
internal static class HumanConsole
{
    // Wide enough for any line Keyless writes; tables still size to their content.
    private const int PipedWidth = 4096;

    public static IAnsiConsole Create()
    {
        var color = FindingOutput.UseColor(Formats.Output.OutputFormat.Text);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }

    /// <summary>
    /// The console for errors and notes on stderr: colour only when stderr is a terminal, and no hard wrap
    /// when it is redirected (a CI log), so an error's file, place and message stay on one line.
    /// </summary>
    public static IAnsiConsole CreateError()
    {
        var color = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(Console.Error),
        });
        if (Console.IsErrorRedirected)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }
}
