using System.Text;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Strings that match, and strings that nearly match, an RE2 pattern of a simple shape: optional <c>^</c>/<c>$</c>
/// anchors around literals (with <c>\.</c>-style escapes), <c>.*</c>, <c>.+</c>, <c>[^/]+</c>-style classes with
/// <c>+</c>/<c>*</c>, and top-level or grouped alternation of such sequences. <c>matches</c> is an unanchored search,
/// so an unanchored side admits anything before or after. Other shapes are not instantiated (the audit says so).
/// </summary>
public static class RegexExamples
{
    private const int MaxAlternatives = 16;

    public static bool IsSimple(string pattern) => Parse(pattern) is not null;

    /// <summary>
    /// The one string an anchored pattern of literal characters matches (<c>^acme/app$</c>, <c>^acme\.io$</c>), or null.
    /// </summary>
    public static string? ExactLiteral(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length < 2 || pattern[0] != '^' || pattern[^1] != '$' || pattern.EndsWith("\\$", StringComparison.Ordinal))
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 1; i < pattern.Length - 1; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length - 1 && !char.IsAsciiLetterOrDigit(pattern[i + 1]))
            {
                text.Append(pattern[++i]);
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or ':' or '@' or ' ')
            {
                text.Append(c);
            }
            else
            {
                return null;
            }
        }

        return text.ToString();
    }

    /// <summary>Matching strings first (with attacker filler where the pattern is unanchored), then near misses.</summary>
    public static IReadOnlyList<string> For(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var alternatives = Parse(pattern);
        if (alternatives is null)
        {
            return [];
        }

        var result = new List<string>();
        foreach (var (start, body, end) in alternatives)
        {
            result.Add(body);
            if (!start)
            {
                result.Add("evil-" + body);
                result.Add("evil/" + body);
            }

            if (!end)
            {
                result.Add(body + "-evil");
                result.Add(body + "/evil");
            }

            result.Add(body + "x");
            if (body.Length > 0)
            {
                result.Add(body[..^1]);
            }
        }

        return result.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Each alternative as (anchored at start, one matching body, anchored at end); null when not simple.</summary>
    private static List<(bool Start, string Body, bool End)>? Parse(string pattern)
    {
        var start = pattern.StartsWith('^');
        var end = pattern.EndsWith('$') && !pattern.EndsWith("\\$", StringComparison.Ordinal);
        var inner = pattern[(start ? 1 : 0)..(end ? pattern.Length - 1 : pattern.Length)];

        // ^(a|b)$ and ^a|b$ (the latter anchors only the outer ends, which the unanchored filler covers anyway).
        if (inner.StartsWith('(') && inner.EndsWith(')') && inner.IndexOf(')', StringComparison.Ordinal) == inner.Length - 1)
        {
            inner = inner[(inner.StartsWith("(?:", StringComparison.Ordinal) ? 3 : 1)..^1];
        }

        var alternatives = inner.Split('|');
        if (alternatives.Length > MaxAlternatives)
        {
            return null;
        }

        var result = new List<(bool, string, bool)>();
        for (var i = 0; i < alternatives.Length; i++)
        {
            var body = Body(alternatives[i]);
            if (body is null)
            {
                return null;
            }

            result.Add((start && (i == 0 || alternatives.Length > 1), body, end));
        }

        return result;
    }

    /// <summary>One matching instance of a sequence of literals and simple repeats; null when not simple.</summary>
    private static string? Body(string sequence)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sequence.Length; i++)
        {
            var c = sequence[i];
            switch (c)
            {
                case '\\' when i + 1 < sequence.Length:
                    var next = sequence[++i];
                    if (next == 'd')
                    {
                        text.Append('1');
                        i = SkipQuantifier(sequence, i);
                    }
                    else if (next == 'w')
                    {
                        text.Append('x');
                        i = SkipQuantifier(sequence, i);
                    }
                    else if (char.IsAsciiLetterOrDigit(next))
                    {
                        return null;
                    }
                    else
                    {
                        text.Append(next);
                    }

                    break;
                case '.':
                    var q = i + 1 < sequence.Length ? sequence[i + 1] : '\0';
                    text.Append(q == '*' ? string.Empty : "x");
                    i = SkipQuantifier(sequence, i);
                    break;
                case '[':
                    var close = sequence.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    var member = ClassMember(sequence[(i + 1)..close]);
                    if (member is null)
                    {
                        return null;
                    }

                    var star = close + 1 < sequence.Length && sequence[close + 1] == '*';
                    text.Append(star ? string.Empty : member);
                    i = SkipQuantifier(sequence, close);
                    break;
                case '(' or ')' or '|' or '*' or '+' or '?' or '{' or '}' or '^' or '$':
                    return null;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }

    private static int SkipQuantifier(string s, int i) => i + 1 < s.Length && s[i + 1] is '*' or '+' or '?' ? i + 1 : i;

    /// <summary>A character the class admits: <c>[^/]</c> → <c>x</c>, <c>[a-z]</c> → <c>a</c>, <c>[0-9]</c> → <c>0</c>.</summary>
    private static string? ClassMember(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        if (body[0] == '^')
        {
            var excluded = body[1..];
            foreach (var candidate in "xq1-")
            {
                if (!excluded.Contains(candidate, StringComparison.Ordinal) && !(excluded.Contains("a-z", StringComparison.Ordinal) && char.IsAsciiLetterLower(candidate)))
                {
                    return candidate.ToString();
                }
            }

            return null;
        }

        return body[0] == '\\' && body.Length > 1 ? (body[1] == 'd' ? "1" : body[1].ToString()) : body[0].ToString();
    }
}
