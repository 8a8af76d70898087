using Keyless.Trust.Diagnostics;

namespace Keyless.Cli.Infrastructure;

/// <summary>Reads the text an option names: a file, or standard input for <c>-</c>.</summary>
internal static class InputText
{
    /// <summary>The text of <paramref name="file"/>; an unreadable file is exit 2 naming it and <paramref name="option"/>.</summary>
    public static string Read(string file, string option)
    {
        try
        {
            return file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, $"cannot read {option} '{file}': {e.Message}");
        }
    }
}
