namespace Keyless.Cli.Infrastructure;

/// <summary>When keyless colours what it writes for people: <c>--color auto|always|never</c>.</summary>
internal enum ColorWhen
{
    /// <summary>On a terminal, unless <c>NO_COLOR</c> is set (https://no-color.org).</summary>
    Auto,

    /// <summary>Even into a pipe or file: for a CI log that renders ANSI, or <c>less -R</c>.</summary>
    Always,

    /// <summary>Never.</summary>
    Never,
}
