namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Arguments that start with <c>-</c> but are not options. Spectre.Console.Cli reads every such word as options (it
/// took <c>keyless eval '-1 &lt; 0'</c> for <c>-1</c>) and keeps what follows <c>--</c> out of the command's arguments.
/// This rewrites them before parsing, the way users of POSIX tools expect:
/// <list type="bullet">
/// <item>after <c>--</c> every word is an argument: eval's expression goes to its hidden <c>--expr=</c> option (a value
/// after <c>=</c> is taken whole), and a path that starts with <c>-</c> becomes <c>./-…</c>, the same file;</item>
/// <item>eval's expression may also start with <c>-</c> without <c>--</c>: eval has no short options but <c>-h</c>, so
/// any other word starting with a single <c>-</c> is the expression.</item>
/// </list>
/// </summary>
internal static class DashArguments
{
    /// <summary>The hidden option of <c>eval</c> that carries an expression starting with <c>-</c>.</summary>
    public const string ExpressionOption = "--expr";

    public static string[] Rewrite(string[] args)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-'));
        var eval = command == "eval";
        var result = new List<string>(args.Length);
        var positionalOnly = false;
        foreach (var arg in args)
        {
            if (!positionalOnly && arg == "--")
            {
                positionalOnly = true;
            }
            else if (positionalOnly && eval)
            {
                result.Add($"{ExpressionOption}={arg}");
            }
            else if (positionalOnly)
            {
                result.Add(arg.Length > 1 && arg.StartsWith('-') ? "./" + arg : arg);
            }
            else if (eval && IsExpression(arg))
            {
                result.Add($"{ExpressionOption}={arg}");
            }
            else
            {
                result.Add(arg);
            }
        }

        return [.. result];
    }

    // "-" alone is standard input, "--x" a long option, "-h" and "-?" ask for help.
    private static bool IsExpression(string arg) =>
        arg.Length > 1 && arg[0] == '-' && arg[1] != '-' && arg is not ("-h" or "-?");
}
