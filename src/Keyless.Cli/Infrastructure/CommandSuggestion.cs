namespace Keyless.Cli.Infrastructure;

/// <summary>
/// "Did you mean": a mistyped command or option is refused (exit 2) with the nearest known one, as git and cargo do.
/// Commands are checked before parsing; an unknown option is reported by the parser and gets its suggestion in
/// <see cref="ExitCodes"/>, from the options of the command on this command line.
/// </summary>
internal static class CommandSuggestion
{
    /// <summary>The command line of this run (after the rewrites), for the options of its command.</summary>
    public static IReadOnlyList<string> Arguments { get; set; } = [];

    /// <summary>An error naming the unknown command word and the nearest known one; null when the words are known.</summary>
    public static string? CheckCommand(IReadOnlyList<string> args)
    {
        var words = Words(args);
        if (words.Count == 0)
        {
            return null;
        }

        if (!CommandCatalog.TopLevel.Contains(words[0]))
        {
            return Unknown("command", words[0], CommandCatalog.TopLevel);
        }

        var subcommands = CommandCatalog.SubcommandsOf(words[0]);
        return subcommands.Count > 0 && words.Count > 1 && !subcommands.Contains(words[1])
            ? Unknown($"{words[0]} command", words[1], subcommands)
            : null;
    }

    /// <summary>The nearest option of this command line's command to an unknown one (as the parser names it, without dashes).</summary>
    public static string? ForOption(string unknown)
    {
        var words = Words(Arguments);
        var command = CommandCatalog.All.FirstOrDefault(e => e.Name == string.Join(' ', words.Take(2)))
            ?? CommandCatalog.All.FirstOrDefault(e => words.Count > 0 && e.Name == words[0]);
        if (command is null)
        {
            return null;
        }

        var dashes = unknown.Length == 1 ? "-" : "--";
        return Nearest(dashes + unknown, CommandOptions.Of(command).Select(o => o.Name));
    }

    /// <summary>The candidate nearest to <paramref name="word"/>, if it is near enough to be a typo of it.</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(word);
        var best = candidates
            .Select(c => (Candidate: c, Distance: Distance(word, c)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();

        // A third of the word may be wrong (two edits at least): "audi", "explian", "--formt"; "x" is nothing's typo.
        var limit = Math.Max(2, word.TrimStart('-').Length / 3);
        return best.Candidate is not null && (best.Distance <= limit || best.Candidate.StartsWith(word, StringComparison.Ordinal))
            ? best.Candidate
            : null;
    }

    private static string Unknown(string what, string word, IReadOnlyList<string> known) =>
        Nearest(word, known) is { } near
            ? $"unknown {what} '{word}'. Did you mean '{near}'?"
            : $"unknown {what} '{word}'. Known: {string.Join(", ", known)}.";

    // The command words: those before the first option (options may not precede the command, except --help and
    // --version, which take no command).
    private static List<string> Words(IReadOnlyList<string> args) =>
        args.TakeWhile(a => !a.StartsWith('-')).Take(2).ToList();

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
