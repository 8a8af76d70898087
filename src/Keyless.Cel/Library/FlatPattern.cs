namespace Keyless.Cel.Library;

/// <summary>
/// A fast matcher for the shape most ref and tag patterns have, <c>^release/[0-9]+\.[0-9]+$</c>: <c>^</c>, then
/// a sequence of ASCII character sets (a literal, an escaped punctuation mark, <c>\d</c>, <c>\w</c> or a positive
/// bracket class of those and ranges), each repeated a fixed or greedy number of times, then an optional
/// <c>$</c> (RE2: the end of text, never before a trailing newline). Anything else is left to the regex.
/// <para>
/// It matches in one pass, each set taking as many characters as it may (possessively). That is the regex's
/// answer only when giving a character back could never help, so a pattern is accepted only if every set with
/// a choice of count (max &gt; min) is disjoint from every later set that could take the character it leaves:
/// those up to and including the first set that must take one (min ≥ 1). Then in any match each set takes
/// exactly what the possessive pass takes, so both agree (tested differentially against the regex).
/// Non-ASCII input characters are in no set, so surrogate pairs need no care.
/// </para>
/// </summary>
internal sealed class FlatPattern
{
    /// <summary>RE2 rejects repeat counts above 1000; such a pattern goes to the regex, which reports it.</summary>
    private const int MaxRepeat = 1000;

    private const string Meta = "\\.+*?()|[]{}^$";

    private static readonly AsciiSet Digits = AsciiSet.Range('0', '9');
    private static readonly AsciiSet Word = Digits | AsciiSet.Range('A', 'Z') | AsciiSet.Range('a', 'z') | AsciiSet.Of('_');

    private readonly Piece[] _pieces;
    private readonly bool _toEnd;

    private FlatPattern(Piece[] pieces, bool toEnd)
    {
        _pieces = pieces;
        _toEnd = toEnd;
    }

    /// <summary>The fast matcher for a pattern of the flat shape, or null for any other pattern.</summary>
    public static FlatPattern? TryParse(string pattern)
    {
        if (pattern.Length == 0 || pattern[0] != '^')
        {
            return null;
        }

        var pieces = new List<Piece>();
        var toEnd = false;
        var i = 1;
        while (i < pattern.Length)
        {
            if (pattern[i] == '$')
            {
                if (i != pattern.Length - 1)
                {
                    return null;
                }

                toEnd = true;
                break;
            }

            if (Set(pattern, ref i) is not { } set || Repeat(pattern, ref i) is not var (min, max))
            {
                return null;
            }

            pieces.Add(new Piece(set, min, max));
        }

        return NeverGivesBack(pieces) ? new FlatPattern(JoinLiterals(pieces), toEnd) : null;
    }

    public bool IsMatch(string input)
    {
        var at = 0;
        foreach (var piece in _pieces)
        {
            if (piece.Literal is { } literal)
            {
                if (!input.AsSpan(at).StartsWith(literal, StringComparison.Ordinal))
                {
                    return false;
                }

                at += literal.Length;
                continue;
            }

            var start = at;
            var limit = input.Length - at > piece.Max ? at + piece.Max : input.Length;
            while (at < limit && piece.Set.Contains(input[at]))
            {
                at++;
            }

            if (at - start < piece.Min)
            {
                return false;
            }
        }

        return !_toEnd || at == input.Length;
    }

    /// <summary>Runs of single characters taken exactly once (<c>release/</c>) become one literal, compared at once.</summary>
    private static Piece[] JoinLiterals(List<Piece> pieces)
    {
        var joined = new List<Piece>(pieces.Count);
        var run = new System.Text.StringBuilder();
        foreach (var piece in pieces)
        {
            if (piece is { Min: 1, Max: 1 } && piece.Set.Single() is { } c)
            {
                run.Append(c);
                continue;
            }

            Flush();
            joined.Add(piece);
        }

        Flush();
        return [.. joined];

        void Flush()
        {
            if (run.Length > 0)
            {
                joined.Add(new Piece(default, run.Length, run.Length, run.ToString()));
                run.Clear();
            }
        }
    }

    private static bool NeverGivesBack(List<Piece> pieces)
    {
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Max == pieces[i].Min)
            {
                continue;
            }

            for (var j = i + 1; j < pieces.Count; j++)
            {
                if (pieces[j].Max > 0 && pieces[i].Set.Overlaps(pieces[j].Set))
                {
                    return false;
                }

                if (pieces[j].Min >= 1)
                {
                    break;
                }
            }
        }

        return true;
    }

    /// <summary>One atom outside a class: a literal, an escape or a bracket class.</summary>
    private static AsciiSet? Set(string p, ref int i)
    {
        var c = p[i];
        if (c == '[')
        {
            return Class(p, ref i);
        }

        if (c == '\\')
        {
            return Escape(p, ref i, allowClasses: true);
        }

        if (!IsPrintableAscii(c) || Meta.Contains(c, StringComparison.Ordinal))
        {
            return null;
        }

        i++;
        return AsciiSet.Of(c);
    }

    /// <summary><c>\d</c>, <c>\w</c> or an escaped ASCII punctuation mark; any other escape is not flat.</summary>
    private static AsciiSet? Escape(string p, ref int i, bool allowClasses)
    {
        if (i + 1 >= p.Length)
        {
            return null;
        }

        var c = p[i + 1];
        AsciiSet? set = c switch
        {
            'd' when allowClasses => Digits,
            'w' when allowClasses => Word,
            _ when char.IsAsciiLetterOrDigit(c) || !IsPrintableAscii(c) || c == ' ' => null,
            _ => AsciiSet.Of(c),
        };
        i += 2;
        return set;
    }

    /// <summary>A positive class: literals, escapes, <c>\d</c>, <c>\w</c>, ranges; <c>-</c> only first or last.</summary>
    private static AsciiSet? Class(string p, ref int i)
    {
        var set = default(AsciiSet);
        var start = ++i;
        if (i < p.Length && p[i] is '^' or ']')
        {
            return null;
        }

        while (i < p.Length && p[i] != ']')
        {
            if (p[i] == '\\' && i + 1 < p.Length && p[i + 1] is 'd' or 'w')
            {
                set |= Escape(p, ref i, allowClasses: true)!.Value;
                continue;
            }

            if (p[i] == '-')
            {
                // RE2 reads a '-' elsewhere as a range or rejects it; not worth the cases.
                if (i != start && (i + 1 >= p.Length || p[i + 1] != ']'))
                {
                    return null;
                }

                set |= AsciiSet.Of('-');
                i++;
                continue;
            }

            if (ClassChar(p, ref i) is not { } low)
            {
                return null;
            }

            var high = low;
            if (i + 1 < p.Length && p[i] == '-' && p[i + 1] != ']')
            {
                i++;
                if (ClassChar(p, ref i) is not { } h || h < low)
                {
                    return null;
                }

                high = h;
            }

            set |= AsciiSet.Range(low, high);
        }

        if (i >= p.Length)
        {
            return null;
        }

        i++;
        return set;
    }

    /// <summary>One character of a class or range end: printable ASCII other than <c>[ ] - \</c>, or an escaped punctuation mark.</summary>
    private static char? ClassChar(string p, ref int i)
    {
        var c = p[i];
        if (c == '\\')
        {
            var at = i + 1;
            return Escape(p, ref i, allowClasses: false) is not null ? p[at] : null;
        }

        if (!IsPrintableAscii(c) || c is '[' or ']' or '-')
        {
            return null;
        }

        i++;
        return c;
    }

    /// <summary>The quantifier after an atom (none is exactly once); lazy or stacked quantifiers are not flat.</summary>
    private static (int Min, int Max)? Repeat(string p, ref int i)
    {
        (int, int)? repeat = (1, 1);
        if (i < p.Length)
        {
            switch (p[i])
            {
                case '*':
                    repeat = (0, int.MaxValue);
                    i++;
                    break;
                case '+':
                    repeat = (1, int.MaxValue);
                    i++;
                    break;
                case '?':
                    repeat = (0, 1);
                    i++;
                    break;
                case '{':
                    repeat = Counted(p, ref i);
                    break;
                default:
                    return repeat;
            }
        }

        return i < p.Length && p[i] is '*' or '+' or '?' or '{' ? null : repeat;
    }

    /// <summary><c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> with n ≤ m ≤ 1000.</summary>
    private static (int, int)? Counted(string p, ref int i)
    {
        var close = p.IndexOf('}', i);
        if (close < 0)
        {
            return null;
        }

        var body = p.AsSpan(i + 1, close - i - 1);
        var comma = body.IndexOf(',');
        var first = comma < 0 ? body : body[..comma];
        if (!Count(first, out var min))
        {
            return null;
        }

        var max = min;
        if (comma >= 0)
        {
            var rest = body[(comma + 1)..];
            if (rest.IsEmpty)
            {
                max = int.MaxValue;
            }
            else if (!Count(rest, out max) || max < min)
            {
                return null;
            }
        }

        i = close + 1;
        return (min, max);
    }

    private static bool Count(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 4)
        {
            return false;
        }

        foreach (var d in digits)
        {
            if (!char.IsAsciiDigit(d))
            {
                return false;
            }

            value = (value * 10) + (d - '0');
        }

        return value <= MaxRepeat;
    }

    private static bool IsPrintableAscii(char c) => c is >= ' ' and <= '~';

    /// <summary>A set repeated between Min and Max times, or (joined after parsing) an exact literal.</summary>
    private readonly record struct Piece(AsciiSet Set, int Min, int Max, string? Literal = null);
}
