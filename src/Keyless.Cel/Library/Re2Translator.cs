using System.Globalization;
using System.Text;

namespace Keyless.Cel.Library;

/// <summary>
/// RE2 syntax → .NET syntax with RE2's meaning: <c>\d \w \s</c> and POSIX classes are ASCII, <c>$</c> is the
/// end of text unless (?m), <c>(?P&lt;name&gt;</c> is a named group; lookaround, backreferences, atomic
/// groups, <c>\Z</c> and repeat counts over 1000 are rejected as RE2 rejects them.
/// </summary>
internal sealed partial class Re2Translator
{
    private const string Digit = "0-9";
    private const string Word = "0-9A-Za-z_";
    private const string Space = "\\t\\n\\f\\r ";

    private readonly string _p;
    private readonly StringBuilder _out = new();
    // .NET matches UTF-16 units, RE2 code points: these keep a surrogate pair one character.
    private const string Pair = "[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]";

    // RE2's \b is ASCII, .NET's is not, and the linear engine has no lookaround. So a pattern with \b or \B
    // runs on the input with a marker before every character and at the end (B: a word boundary, N: none);
    // \b consumes a B, \B an N, and every atom skips the marker before it. U+FDD0/U+FDD1 are noncharacters.
    private const string BoundaryMarker = "\\uFDD0";
    private const string NoBoundaryMarker = "\\uFDD1";
    private const string AnyMarker = "[\\uFDD0\\uFDD1]?";

    private readonly Stack<(bool Multiline, bool DotAll)> _groups = new();
    private int _i;
    private bool _multilineNow;
    private bool _dotAllNow;

    private readonly bool _markers;
    private bool _usesBoundary;

    private Re2Translator(string pattern, bool markers)
    {
        _p = pattern;
        _markers = markers;
    }

    /// <summary>The .NET pattern, and whether it expects the input with boundary markers (<see cref="Re2.Mark"/>).</summary>
    public static (string Pattern, bool Markers) Translate(string pattern)
    {
        var plain = new Re2Translator(pattern, markers: false);
        plain.Run();
        if (!plain._usesBoundary)
        {
            return (plain._out.ToString(), false);
        }

        var marked = new Re2Translator(pattern, markers: true);
        marked.Run();
        return (marked._out.ToString(), true);
    }

    /// <summary>What no class may match: lone surrogate halves, and the markers when they are in use.</summary>
    private string Excluded => _markers ? "\\uD800-\\uDFFF\\uFDD0\\uFDD1" : "\\uD800-\\uDFFF";

    private string AnyButNewline => Atom("(?:[^\\n" + Excluded + "]|" + Pair + ")");

    private string AnyCodePoint => Atom("(?:[^" + Excluded + "]|" + Pair + ")");

    /// <summary>A character-consuming piece; with markers, it first skips the marker before the character.</summary>
    private string Atom(string piece) => _markers ? "(?:" + AnyMarker + piece + ")" : piece;

    private string End(string anchor) => _markers ? AnyMarker + anchor : anchor;

    private void Run()
    {
        var canRepeat = false;
        while (_i < _p.Length)
        {
            var c = _p[_i];
            switch (c)
            {
                case '\\':
                    EscapeOutsideClass();
                    canRepeat = true;
                    break;
                case '[':
                    CharClass();
                    canRepeat = true;
                    break;
                case '(':
                    Group();
                    canRepeat = false;
                    break;
                case ')':
                    if (_groups.Count == 0)
                    {
                        throw new Re2SyntaxException("unexpected )");
                    }

                    (_multilineNow, _dotAllNow) = _groups.Pop();
                    _out.Append(')');
                    _i++;
                    canRepeat = true;
                    break;
                case '*' or '+' or '?':
                    if (!canRepeat)
                    {
                        throw new Re2SyntaxException("missing argument to repetition operator");
                    }

                    _out.Append(c);
                    _i++;
                    LazySuffix();
                    canRepeat = false;
                    break;
                case '{' when RepeatCount() is { } repeat:
                    if (!canRepeat)
                    {
                        throw new Re2SyntaxException("missing argument to repetition operator");
                    }

                    _out.Append(repeat);
                    LazySuffix();
                    canRepeat = false;
                    break;
                case '$':
                    _out.Append(End(_multilineNow ? "(?m:$)" : "\\z"));
                    _i++;
                    canRepeat = false;
                    break;
                case '^':
                    _out.Append(_multilineNow ? "(?m:^)" : "\\A");
                    _i++;
                    canRepeat = false;
                    break;
                case '|':
                    _out.Append('|');
                    _i++;
                    canRepeat = false;
                    break;
                case '.':
                    _out.Append(_dotAllNow ? AnyCodePoint : AnyButNewline);
                    _i++;
                    canRepeat = true;
                    break;
                default:
                    AppendLiteral(char.ConvertToUtf32(_p, _i) is var cp ? cp : c);
                    _i += char.IsHighSurrogate(c) && _i + 1 < _p.Length ? 2 : 1;
                    canRepeat = true;
                    break;
            }
        }

        if (_groups.Count != 0)
        {
            throw new Re2SyntaxException("missing )");
        }
    }

    private void LazySuffix()
    {
        if (_i < _p.Length && _p[_i] == '?')
        {
            _out.Append('?');
            _i++;
        }

        if (_i < _p.Length && _p[_i] is '*' or '+' or '?' || (_i < _p.Length && _p[_i] == '{' && RepeatCountPeek()))
        {
            throw new Re2SyntaxException("bad repetition operator");
        }
    }

    private bool RepeatCountPeek()
    {
        var save = _i;
        var r = RepeatCount();
        _i = save;
        return r is not null;
    }

    /// <summary>{n}, {n,} or {n,m}; anything else is a literal brace, as in RE2.</summary>
    private string? RepeatCount()
    {
        var j = _i + 1;
        var start = j;
        while (j < _p.Length && char.IsAsciiDigit(_p[j]))
        {
            j++;
        }

        if (j == start || j >= _p.Length)
        {
            return null;
        }

        var min = _p[start..j];
        string? max = min;
        if (_p[j] == ',')
        {
            j++;
            var maxStart = j;
            while (j < _p.Length && char.IsAsciiDigit(_p[j]))
            {
                j++;
            }

            max = j == maxStart ? null : _p[maxStart..j];
        }

        if (j >= _p.Length || _p[j] != '}')
        {
            return null;
        }

        var lo = min.Length > 5 ? int.MaxValue : int.Parse(min, CultureInfo.InvariantCulture);
        var hi = max is null ? lo : max.Length > 5 ? int.MaxValue : int.Parse(max, CultureInfo.InvariantCulture);
        if (lo > 1000 || hi > 1000 || (max is not null && hi < lo))
        {
            throw new Re2SyntaxException("invalid repeat count");
        }

        _i = j + 1;
        return _p[(start - 1)..(j + 1)];
    }

    private void Group()
    {
        _groups.Push((_multilineNow, _dotAllNow));
        if (_i + 1 >= _p.Length || _p[_i + 1] != '?')
        {
            _out.Append('(');
            _i++;
            return;
        }

        var rest = _p.AsSpan(_i + 2);
        if (rest.StartsWith("P<") || (rest.StartsWith("<") && !rest.StartsWith("<=") && !rest.StartsWith("<!")))
        {
            var nameStart = _i + 2 + (rest[0] == 'P' ? 2 : 1);
            var close = _p.IndexOf('>', nameStart);
            var name = close < 0 ? string.Empty : _p[nameStart..close];
            if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                throw new Re2SyntaxException("invalid named capture group");
            }

            _out.Append("(?<").Append(name).Append('>');
            _i = close + 1;
            return;
        }

        if (rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!"))
        {
            throw new Re2SyntaxException("lookaround is not supported");
        }

        // Flags: (?flags) or (?flags:re), flags from i m s U with an optional '-'.
        var j = _i + 2;
        var on = new StringBuilder();
        var off = new StringBuilder();
        var negate = false;
        var multiline = _multilineNow;
        var dotAll = _dotAllNow;
        while (j < _p.Length && _p[j] is not (')' or ':'))
        {
            var f = _p[j];
            switch (f)
            {
                case '-' when !negate:
                    negate = true;
                    break;
                case 'i':
                    (negate ? off : on).Append(f);
                    break;
                case 's':
                    dotAll = !negate;
                    break;
                case 'm':
                    multiline = !negate;
                    break;
                case 'U':
                    // Greediness does not change whether there is a match.
                    break;
                default:
                    throw new Re2SyntaxException("invalid or unsupported Perl syntax: (?" + f);
            }

            j++;
        }

        if (j >= _p.Length)
        {
            throw new Re2SyntaxException("missing )");
        }

        var flags = on.ToString() + (off.Length > 0 ? "-" + off : string.Empty);
        if (_p[j] == ')')
        {
            // (?flags) applies to the rest of the enclosing group.
            _groups.Pop();
            (_multilineNow, _dotAllNow) = (multiline, dotAll);
            if (flags.Length > 0)
            {
                _out.Append("(?").Append(flags).Append(')');
            }
        }
        else
        {
            (_multilineNow, _dotAllNow) = (multiline, dotAll);
            _out.Append("(?").Append(flags).Append(':');
        }

        _i = j + 1;
    }

    private void EscapeOutsideClass()
    {
        if (_i + 1 >= _p.Length)
        {
            throw new Re2SyntaxException("trailing \\");
        }

        var c = _p[_i + 1];
        switch (c)
        {
            case 'd': _out.Append(Atom("[" + Digit + "]")); _i += 2; return;
            case 'D': _out.Append(NotIn(Digit)); _i += 2; return;
            case 'w': _out.Append(Atom("[" + Word + "]")); _i += 2; return;
            case 'W': _out.Append(NotIn(Word)); _i += 2; return;
            case 's': _out.Append(Atom("[" + Space + "]")); _i += 2; return;
            case 'S': _out.Append(NotIn(Space)); _i += 2; return;
            case 'b': _usesBoundary = true; _out.Append(_markers ? BoundaryMarker : "\\b"); _i += 2; return;
            case 'B': _usesBoundary = true; _out.Append(_markers ? NoBoundaryMarker : "\\B"); _i += 2; return;
            case 'A': _out.Append("\\A"); _i += 2; return;
            case 'z': _out.Append(End("\\z")); _i += 2; return;
            case 'p' or 'P':
                var cls = UnicodeClass();
                _out.Append(cls switch
                {
                    "[\\s\\S]" => AnyCodePoint,
                    ['\\', 'P', '{', ..] => NotIn("\\p" + cls[2..]),
                    _ => Atom(cls),
                });
                return;
            case 'Q':
                var end = _p.IndexOf("\\E", _i + 2, StringComparison.Ordinal);
                var literal = end < 0 ? _p[(_i + 2)..] : _p[(_i + 2)..end];
                foreach (var rune in literal.EnumerateRunes())
                {
                    AppendLiteral(rune.Value);
                }

                _i = end < 0 ? _p.Length : end + 2;
                return;
            default:
                AppendLiteral(EscapedCodePoint());
                return;
        }
    }

    /// <summary>A single-character escape (\n, \x41, \x{263a}, \123, \.) as a code point; letters RE2 does not know are errors.</summary>
    private int EscapedCodePoint()
    {
        var c = _p[_i + 1];
        switch (c)
        {
            case 'a': _i += 2; return 7;
            case 'f': _i += 2; return 12;
            case 't': _i += 2; return 9;
            case 'n': _i += 2; return 10;
            case 'r': _i += 2; return 13;
            case 'v': _i += 2; return 11;
            case 'x':
                if (_i + 2 < _p.Length && _p[_i + 2] == '{')
                {
                    var close = _p.IndexOf('}', _i + 3);
                    if (close < 0 || !int.TryParse(_p.AsSpan(_i + 3, close - _i - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var wide) || wide > 0x10FFFF)
                    {
                        throw new Re2SyntaxException("invalid escape sequence \\x{");
                    }

                    _i = close + 1;
                    return wide;
                }

                if (_i + 4 <= _p.Length && int.TryParse(_p.AsSpan(_i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
                {
                    _i += 4;
                    return hex;
                }

                throw new Re2SyntaxException("invalid escape sequence \\x");
            case >= '0' and <= '7':
            {
                // RE2: \0 and multi-digit octal are characters; \1 … \9 alone are backreferences.
                var j = _i + 1;
                while (j < _p.Length && j < _i + 4 && _p[j] is >= '0' and <= '7')
                {
                    j++;
                }

                if (c != '0' && j - _i - 1 < 2)
                {
                    throw new Re2SyntaxException("backreferences are not supported");
                }

                var value = Convert.ToInt32(_p[(_i + 1)..j], 8);
                _i = j;
                return value;
            }

            case '8' or '9':
                throw new Re2SyntaxException("backreferences are not supported");
            default:
                if (char.IsAsciiLetterOrDigit(c) || c == '_')
                {
                    throw new Re2SyntaxException($"invalid escape sequence \\{c}");
                }

                var cp = char.ConvertToUtf32(_p, _i + 1);
                _i += char.IsHighSurrogate(c) ? 3 : 2;
                return cp;
        }
    }

    /// <summary>One code point not in the class body: a BMP character outside it, or any surrogate pair.</summary>
    private string NotIn(string body) => Atom("(?:[^" + body + Excluded + "]|" + Pair + ")");

    private void AppendLiteral(int codePoint) => _out.Append(Atom(Escape(codePoint)));

    private static string Escape(int codePoint) => codePoint switch
    {
        < 0x10000 when char.IsAsciiLetterOrDigit((char)codePoint) => ((char)codePoint).ToString(),
        < 0x10000 => string.Create(CultureInfo.InvariantCulture, $"\\u{codePoint:X4}"),
        _ => "(?:" + char.ConvertFromUtf32(codePoint) + ")",
    };
}
