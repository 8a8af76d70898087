using System.Text;

namespace Keyless.Cli.Completion;

/// <summary>
/// The fish script: one <c>complete -c keyless</c> line per command, sub-command and option, each with its
/// description; options with a fixed list offer it, others take files.
/// </summary>
internal static class FishCompletion
{
    public static string Script(CompletionModel model)
    {
        var s = new StringBuilder();
        s.Append("# keyless completion for fish:   keyless completion fish > ~/.config/fish/completions/keyless.fish\n");
        s.Append("complete -c keyless -f\n");
        var branches = model.Branches.ToList();
        foreach (var (name, description) in model.TopLevel)
        {
            s.Append($"complete -c keyless -n __fish_use_subcommand -a {name} -d {Quote(description)}\n");
        }

        s.Append("complete -c keyless -n __fish_use_subcommand -l version -d 'Print the version.'\n");
        s.Append($"complete -c keyless -l color -x -a 'auto always never' -d {Quote("Colour for people's text: auto, always or never.")}\n");
        foreach (var (branch, subcommands) in branches)
        {
            var names = string.Join(' ', subcommands.Select(c => c.Name));
            foreach (var (name, description) in subcommands)
            {
                s.Append($"complete -c keyless -n '__fish_seen_subcommand_from {branch}; and not __fish_seen_subcommand_from {names}' -a {name} -d {Quote(description)}\n");
            }
        }

        foreach (var command in model.Commands)
        {
            var words = command.Name.Split(' ');
            var condition = words.Length == 1
                ? $"__fish_seen_subcommand_from {words[0]}"
                : $"__fish_seen_subcommand_from {words[0]}; and __fish_seen_subcommand_from {words[1]}";
            foreach (var option in model.Options[command.Name].Where(o => o.Name != "--color"))
            {
                s.Append($"complete -c keyless -n '{condition}' -l {option.Name[2..]}");
                if (option.Short is { } shortName)
                {
                    s.Append($" -s {shortName[1..]}");
                }

                if (option.Values.Count > 0)
                {
                    s.Append($" -x -a '{string.Join(' ', option.Values)}'");
                }
                else if (option.ValueName is not null)
                {
                    s.Append(" -r -F");
                }

                s.Append($" -d {Quote(option.Description)}\n");
            }

            var values = CompletionModel.ArgumentValues(command.Name);
            s.Append(values.Count > 0
                ? $"complete -c keyless -n '{condition}' -x -a '{string.Join(' ', values)}'\n"
                : $"complete -c keyless -n '{condition}' -F\n");
        }

        return s.ToString();
    }

    // fish single quotes: only \' and \\ are escapes inside them.
    private static string Quote(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
