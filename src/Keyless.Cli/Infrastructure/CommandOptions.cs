using System.ComponentModel;
using System.Reflection;
using Keyless.Formats.Output;
using Spectre.Console.Cli;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// A command's options, read from its settings type the way the parser reads them (the <see cref="CommandOptionAttribute"/>
/// of each property), so shell completion and suggestions always match what the command accepts.
/// </summary>
internal static class CommandOptions
{
    /// <summary>What every command accepts besides its own options (the parser adds them).</summary>
    public static IReadOnlyList<OptionInfo> Help { get; } = [new("--help", "-h", "Print help for the command.", null, [])];

    // Options whose values are a fixed list the parser does not know (they are validated by the settings).
    private static readonly Dictionary<string, string[]> FixedValues = new(StringComparer.Ordinal)
    {
        ["--fail-on"] = ["info", "low", "medium", "high", "critical"],
        [ColorChoice.Option] = ["auto", "always", "never"],
        ["--group-by"] = ["cause", "identity"],
    };

    public static IReadOnlyList<OptionInfo> Of(CommandEntry command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new List<OptionInfo>();
        foreach (var property in command.Settings.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is not { IsHidden: false } option || option.LongNames.Count == 0)
            {
                continue;
            }

            var name = "--" + option.LongNames[0];
            options.Add(new OptionInfo(
                name,
                option.ShortNames.Count > 0 ? "-" + option.ShortNames[0] : null,
                property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? string.Empty,
                option.ValueName,
                ValuesOf(command, name)));
        }

        return [.. options.OrderBy(o => o.Name, StringComparer.Ordinal), .. Help];
    }

    private static IReadOnlyList<string> ValuesOf(CommandEntry command, string option)
    {
        if (FixedValues.TryGetValue(option, out var values))
        {
            return values;
        }

        if (option != "--format")
        {
            return [];
        }

        // The findings commands take the report formats (scan its own GitLab report); the others text and json.
        return typeof(FindingOutputSettings).IsAssignableFrom(command.Settings)
            ? FindingOutputSettings.AcceptedFormats(command.Settings)
            : ["text", "json"];
    }
}
