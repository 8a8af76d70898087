namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Spectre.Console.Cli reads a bare <c>-</c> as a nameless option, yet <c>-</c> is how users say "standard
/// input" (<c>--token -</c>, <c>decode -</c>). This rewrites <c>--opt -</c> to <c>--opt=-</c>, and drops a
/// positional <c>-</c>, whose commands (decode) read standard input when the argument is omitted.
/// </summary>
internal static class StdinArguments
{
    public static string[] Rewrite(string[] args)
    {
        var result = new List<string>(args.Length);
        foreach (var arg in args)
        {
            if (arg != "-")
            {
                result.Add(arg);
            }
            else if (result.Count > 0 && result[^1].StartsWith("--", StringComparison.Ordinal) && !result[^1].Contains('=', StringComparison.Ordinal))
            {
                result[^1] += "=-";
            }
        }

        return [.. result];
    }
}
