using Spectre.Console;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// The console for text meant for people on stdout: colour as <c>--color</c> says (by default only on a terminal
/// without NO_COLOR), and no hard wrapping when piped, so a provider name or URL is never cut in the middle for grep
/// or a file.
/// </summary>
internal static class HumanConsole
{
    // Wide enough for any line Keyless writes; tables still size to their content.
    private const int PipedWidth = 4096;

    public static IAnsiConsole Create() =>
        Create(Console.Out, Console.IsOutputRedirected, FindingOutput.UseColor(Formats.Output.OutputFormat.Text));

    /// <summary>
    /// The console for errors and notes on stderr: colour as <c>--color</c> says (by default when stderr is a
    /// terminal), and no hard wrap when it is redirected (a CI log), so an error's file, place and message stay on one line.
    /// </summary>
    public static IAnsiConsole CreateError() =>
        Create(Console.Error, Console.IsErrorRedirected, ColorChoice.Enabled(Console.IsErrorRedirected));

    private static IAnsiConsole Create(TextWriter writer, bool redirected, bool color)
    {
        // Detection finds no colours on a pipe, which --color always asks for all the same; a terminal says what it has.
        var always = ColorChoice.When == ColorWhen.Always;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = !color ? AnsiSupport.No : always ? AnsiSupport.Yes : AnsiSupport.Detect,
            ColorSystem = !color ? ColorSystemSupport.NoColors : always ? ColorSystemSupport.Standard : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }
}
