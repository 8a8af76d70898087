using System.Text;
using System.Text.RegularExpressions;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// The glob patterns of <c>include: local</c> and <c>artifacts:paths</c>: <c>*</c> and <c>?</c> stay inside one folder,
/// <c>**</c> crosses folders, <c>**/</c> may match no folder at all. Compiled to a non-backtracking regex, so a
/// hostile pattern costs linear time.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;
    private readonly Regex _under;

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        var normalized = Normalize(pattern).TrimEnd('/');
        _regex = Compile(normalized);
        _under = Compile(normalized.Length == 0 ? "**" : normalized + "/**");
    }

    public string Pattern { get; }

    /// <summary>
    /// <c>*</c> or <c>?</c>; a <c>[</c> is not one, as <see cref="Compile"/> takes it literally (no character classes),
    /// so <c>ci/[a].yml</c> names that one file and is read (or reported missing) as such.
    /// </summary>
    public bool HasWildcards => Pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>True when <paramref name="path"/> is the pattern's file or lies under a folder it names.</summary>
    public bool Matches(string path)
    {
        var normalized = Normalize(path);
        return _regex.IsMatch(normalized) || _under.IsMatch(normalized);
    }

    /// <summary>Only the pattern itself, for include globs that must name files.</summary>
    public bool MatchesExactly(string path) => _regex.IsMatch(Normalize(path));

    /// <summary>Project-relative form: no leading <c>./</c> or <c>/</c>, forward slashes.</summary>
    public static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        while (true)
        {
            if (p.StartsWith("./", StringComparison.Ordinal))
            {
                p = p[2..];
            }
            else if (p.StartsWith('/'))
            {
                p = p[1..];
            }
            else
            {
                return p == "." ? string.Empty : p;
            }
        }
    }

    private static Regex Compile(string glob)
    {
        if (glob.Length > MaxPatternLength)
        {
            return NeverMatches;
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                if (i + 2 < glob.Length && glob[i + 2] == '/')
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');

        try
        {
            return new Regex(regex.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            // The non-backtracking engine refuses an automaton over its node limit; such a pattern names no real file.
            return NeverMatches;
        }
    }

    /// <summary>Far longer than any real path pattern; beyond it the automaton can outgrow the engine's limit.</summary>
    private const int MaxPatternLength = 1024;

    private static readonly Regex NeverMatches = new("(?!)", RegexOptions.NonBacktracking);
}
