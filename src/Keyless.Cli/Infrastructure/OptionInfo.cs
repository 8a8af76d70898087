namespace Keyless.Cli.Infrastructure;

/// <summary>One option of a command, as completion and "did you mean" need it.</summary>
/// <param name="Name">The long form, with its dashes: <c>--format</c>.</param>
/// <param name="Short">The one-letter form with its dash, if any.</param>
/// <param name="Description">The help text.</param>
/// <param name="ValueName">The value's placeholder (<c>FILE</c>), or null for a flag.</param>
/// <param name="Values">The values it takes, when they are a fixed list (<c>--fail-on</c>); else empty.</param>
internal sealed record OptionInfo(string Name, string? Short, string Description, string? ValueName, IReadOnlyList<string> Values);
