using Keyless.Cli.Infrastructure;

namespace Keyless.Cli.Completion;

/// <summary>
/// What the completion scripts offer, from the command catalog and each command's settings: the commands (with the
/// branches' sub-commands), each command's options and the fixed values some options and arguments take.
/// </summary>
internal sealed class CompletionModel
{
    private CompletionModel(IReadOnlyList<CommandEntry> commands)
    {
        Commands = commands;
        Options = commands.ToDictionary(c => c.Name, c => CommandOptions.Of(c), StringComparer.Ordinal);
    }

    public static CompletionModel Current { get; } = new(CommandCatalog.All);

    /// <summary>The shells' names as <c>keyless completion</c> takes them.</summary>
    public static IReadOnlyList<string> ShellNames { get; } = ["bash", "zsh", "fish", "pwsh"];

    public IReadOnlyList<CommandEntry> Commands { get; }

    /// <summary>Each command's options, by the command's words.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<OptionInfo>> Options { get; }

    /// <summary>The first words: the commands, and the branches (<c>login</c>, <c>pull</c>) with their descriptions.</summary>
    public IEnumerable<(string Name, string Description)> TopLevel =>
        Commands.Select(c => c.Name.Split(' ')[0]).Distinct(StringComparer.Ordinal)
            .Select(name => (name, Commands.FirstOrDefault(c => c.Name == name)?.Description ?? CommandCatalog.Branches[name]));

    /// <summary>The branches and their sub-commands, with descriptions.</summary>
    public IEnumerable<(string Branch, IReadOnlyList<(string Name, string Description)> Subcommands)> Branches =>
        Commands.Where(c => c.Name.Contains(' ', StringComparison.Ordinal))
            .GroupBy(c => c.Name.Split(' ')[0], StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<(string, string)>)g.Select(c => (c.Name[(g.Key.Length + 1)..], c.Description)).ToList()));

    /// <summary>The options with a fixed list of values, keyed by command and option (<c>audit --format</c>).</summary>
    public IEnumerable<(string Key, IReadOnlyList<string> Values)> OptionValues =>
        Commands.SelectMany(c => Options[c.Name].Where(o => o.Values.Count > 0).Select(o => ($"{c.Name} {o.Name}", o.Values)));

    /// <summary>The commands whose arguments are a fixed list (the shell of <c>completion</c>), with it.</summary>
    public IEnumerable<(string Command, IReadOnlyList<string> Values)> ArgumentValueLists =>
        Commands.Select(c => (c.Name, ArgumentValues(c.Name))).Where(c => c.Item2.Count > 0);

    /// <summary>Fixed values of a command's arguments (the shell of <c>completion</c>); empty where they are files.</summary>
    public static IReadOnlyList<string> ArgumentValues(string command) => command == "completion" ? ShellNames : [];

    /// <summary>The global options the parser takes before any command.</summary>
    public static IReadOnlyList<string> GlobalOptions { get; } = ["--help", "--version", ColorChoice.Option];
}
