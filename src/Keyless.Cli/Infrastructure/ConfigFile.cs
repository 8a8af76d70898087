using Keyless.Formats.Config;
using Keyless.Trust.Diagnostics;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Finds the <c>.keyless.yml</c> a findings command obeys: <c>--config FILE</c>, else the nearest one upward from the
/// first input (a file's folder, or the folder itself), else none. Every rule id of every command is known, so one
/// config serves audit, lint, scan and diff.
/// </summary>
internal static class ConfigFile
{
    public static KeylessConfig? Load(string? explicitFile, IReadOnlyList<string> inputs)
    {
        var file = explicitFile ?? Find(inputs.Count > 0 ? inputs[0] : ".");
        if (file is null)
        {
            return null;
        }

        if (!File.Exists(file))
        {
            throw new InputException("--config", $"'{file}' does not exist");
        }

        return KeylessConfigReader.Read(file, KnownRules.Ids);
    }

    private static string? Find(string input)
    {
        string? folder;
        try
        {
            var full = Path.GetFullPath(input);
            folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        for (; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var candidate = Path.Combine(folder, KeylessConfigReader.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
