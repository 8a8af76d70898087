namespace Keyless.Cli.Infrastructure;

/// <summary>
/// The <c>--color</c> of this run. Read from the command line before parsing, so it holds wherever it is written
/// (<c>keyless --color never audit …</c> or after the command) and for parse errors too; the parser never sees it
/// (<see cref="KeylessSettings.Color"/> only lists it in each command's help).
/// </summary>
internal static class ColorChoice
{
    public const string Option = "--color";

    public static ColorWhen When { get; private set; } = ColorWhen.Auto;

    /// <summary>Takes every <c>--color WHEN</c> and <c>--color=WHEN</c> out of <paramref name="args"/> (the last one
    /// wins); null and an error message when a value is missing or not one of auto, always, never.</summary>
    public static string[]? Take(string[] args, out string? error)
    {
        error = null;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args[i..]);
                break;
            }

            string? value;
            if (arg == Option)
            {
                value = i + 1 < args.Length ? args[++i] : null;
            }
            else if (arg.StartsWith(Option + "=", StringComparison.Ordinal))
            {
                value = arg[(Option.Length + 1)..];
            }
            else
            {
                rest.Add(arg);
                continue;
            }

            ColorWhen? when = value switch
            {
                "auto" => ColorWhen.Auto,
                "always" => ColorWhen.Always,
                "never" => ColorWhen.Never,
                _ => null,
            };
            if (when is not { } chosen)
            {
                error = value is null ? $"{Option} needs a value: auto, always or never" : $"{Option}: '{value}' is not one of auto, always, never";
                return null;
            }

            When = chosen;
        }

        return [.. rest];
    }

    /// <summary>Whether to colour text for people on a stream that is (or is not) redirected.</summary>
    public static bool Enabled(bool redirected) => When switch
    {
        ColorWhen.Always => true,
        ColorWhen.Never => false,
        _ => !redirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };
}
