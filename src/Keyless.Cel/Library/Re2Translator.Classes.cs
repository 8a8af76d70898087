using System.Text;

namespace Keyless.Cel.Library;

/// <summary>Character classes: bracket expressions, POSIX classes, Unicode categories, negated shorthands.</summary>
internal sealed partial class Re2Translator
{
    private static readonly Dictionary<string, string> Posix = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    private string UnicodeClass()
    {
        var negated = _p[_i + 1] == 'P';
        string name;
        if (_i + 2 < _p.Length && _p[_i + 2] == '{')
        {
            var close = _p.IndexOf('}', _i + 3);
            if (close < 0)
            {
                throw new Re2SyntaxException("invalid character class range");
            }

            name = _p[(_i + 3)..close];
            _i = close + 1;
        }
        else if (_i + 2 < _p.Length)
        {
            name = _p[_i + 2].ToString();
            _i += 3;
        }
        else
        {
            throw new Re2SyntaxException("invalid character class range");
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        var known = name is "L" or "Lu" or "Ll" or "Lt" or "Lm" or "Lo" or "M" or "Mn" or "Mc" or "Me" or "N" or "Nd" or "Nl"
            or "No" or "P" or "Pc" or "Pd" or "Ps" or "Pe" or "Pi" or "Pf" or "Po" or "S" or "Sm" or "Sc" or "Sk" or "So"
            or "Z" or "Zs" or "Zl" or "Zp" or "C" or "Cc" or "Cf" or "Co" or "Cs";
        if (name == "Any")
        {
            return negated ? "[^\\s\\S]" : "[\\s\\S]";
        }

        if (!known)
        {
            throw new Re2SyntaxException($"unsupported Unicode class \\p{{{name}}}");
        }

        return (negated ? "\\P{" : "\\p{") + name + "}";
    }

    private void CharClass()
    {
        _i++;
        var negated = false;
        if (_i < _p.Length && _p[_i] == '^')
        {
            negated = true;
            _i++;
        }

        var body = new StringBuilder();
        var astral = false;
        var first = true;
        while (true)
        {
            if (_i >= _p.Length)
            {
                throw new Re2SyntaxException("missing closing ]");
            }

            var c = _p[_i];
            if (c == ']' && !first)
            {
                _i++;
                break;
            }

            first = false;
            if (c == '[' && _i + 1 < _p.Length && _p[_i + 1] == ':')
            {
                var close = _p.IndexOf(":]", _i + 2, StringComparison.Ordinal);
                var name = close < 0 ? string.Empty : _p[(_i + 2)..close];
                var negatedPosix = name.StartsWith('^');
                if (Posix.TryGetValue(negatedPosix ? name[1..] : name, out var ranges))
                {
                    body.Append(negatedPosix ? Complement(ranges) : ranges);
                    astral |= negatedPosix;
                    _i = close + 2;
                    continue;
                }

                throw new Re2SyntaxException("invalid character class range");
            }

            if (c == '\\' && _i + 1 < _p.Length)
            {
                var e = _p[_i + 1];
                string? shorthand = e switch
                {
                    'd' => Digit,
                    'D' => Complement(Digit),
                    'w' => Word,
                    'W' => Complement(Word),
                    's' => Space,
                    'S' => Complement(Space),
                    _ => null,
                };
                if (shorthand is not null)
                {
                    body.Append(shorthand);
                    astral |= e is 'D' or 'W' or 'S';
                    _i += 2;
                    continue;
                }

                if (e is 'p' or 'P')
                {
                    var cls = UnicodeClass();
                    var any = cls == "[\\s\\S]";
                    body.Append(any ? "\\u0000-\\uD7FF" + NonSurrogateTop : cls);
                    astral |= any;
                    continue;
                }
            }

            var lo = ClassChar();
            if (_i + 1 < _p.Length && _p[_i] == '-' && _p[_i + 1] != ']')
            {
                _i++;
                var hi = ClassChar();
                if (hi < lo)
                {
                    throw new Re2SyntaxException("invalid character class range");
                }

                body.Append(Escape(lo)).Append('-').Append(Escape(hi));
            }
            else
            {
                body.Append(Escape(lo));
            }
        }

        // The first character is always taken literally ("[]a]"), so the body is never empty.
        if (negated)
        {
            _out.Append(NotIn(body.ToString()));
        }
        else if (astral)
        {
            _out.Append(Atom("(?:[" + body + "]|" + Pair + ")"));
        }
        else
        {
            _out.Append(Atom("[" + body + "]"));
        }
    }

    private int ClassChar()
    {
        var c = _p[_i];
        if (c == '\\')
        {
            if (_i + 1 >= _p.Length)
            {
                throw new Re2SyntaxException("trailing \\");
            }

            return _p[_i + 1] == 'b' ? Advance(2, 8) : EscapedCodePoint();
        }

        var cp = char.ConvertToUtf32(_p, _i);
        _i += char.IsHighSurrogate(c) ? 2 : 1;
        return cp;
    }

    private int Advance(int by, int value)
    {
        _i += by;
        return value;
    }

    /// <summary>The complement of an ASCII range list, for negated shorthands inside a class.</summary>
    /// <summary>U+E000 to U+FFFF, without the markers when they are in use.</summary>
    private string NonSurrogateTop => _markers ? "\\uE000-\\uFDCF\\uFDD2-\\uFFFF" : "\\uE000-\\uFFFF";

    private string Complement(string ranges)
    {
        var set = new bool[128];
        var expanded = System.Text.RegularExpressions.Regex.Unescape(ranges);
        for (var k = 0; k < expanded.Length; k++)
        {
            if (k + 2 < expanded.Length && expanded[k + 1] == '-')
            {
                for (int ch = expanded[k]; ch <= expanded[k + 2]; ch++)
                {
                    set[ch] = true;
                }

                k += 2;
            }
            else
            {
                set[expanded[k]] = true;
            }
        }

        var text = new StringBuilder();
        var i = 0;
        while (i < 128)
        {
            if (set[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 128 && !set[i])
            {
                i++;
            }

            text.Append(Escape(start)).Append('-').Append(Escape(i - 1));
        }

        return text.Append("\\u0080-\\uD7FF").Append(NonSurrogateTop).ToString();
    }
}
