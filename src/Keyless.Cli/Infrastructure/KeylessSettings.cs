using System.ComponentModel;
using Spectre.Console.Cli;

namespace Keyless.Cli.Infrastructure;

/// <summary>The options every command takes. Each command's settings derive from it.</summary>
internal abstract class KeylessSettings : CommandSettings
{
    // Taken out of the command line before parsing (ColorChoice), so it is never bound here: it is declared so that
    // every command's --help lists it.
    [CommandOption(ColorChoice.Option + " <WHEN>")]
    [Description("Colour for people's text: auto (a terminal without NO_COLOR), always or never.")]
    [DefaultValue("auto")]
    public string Color { get; init; } = "auto";
}
