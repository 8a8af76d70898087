using System.Globalization;
using System.Text;
using Keyless.Trust.Diagnostics;

namespace Keyless.Formats.Inputs.Hcl;

/// <summary>
/// Reads HCL native syntax one token at a time, forward only: no regex, no backtracking, each character looked at
/// a bounded number of times. Inside a string template the parser asks for literal text instead of tokens
/// (<see cref="ReadQuotedLiteral"/>, <see cref="ReadRawLiteral"/>), since what a character means there depends on
/// the template, not on the token rules.
/// </summary>
internal sealed class HclLexer(string file, string text)
{
    private HclToken _peeked;
    private int _peekedAt = -1;
    private bool _peekedNewlines;
    private int _limit = text.Length;

    public string File { get; } = file;

    public string Text { get; } = text;

    /// <summary>The next character to read.</summary>
    public int Position { get; set; }

    /// <summary>Where reading stops (the end of a heredoc's content while its template is parsed).</summary>
    public int Limit
    {
        get => _limit;
        set
        {
            _limit = value;
            _peekedAt = -1;
        }
    }

    /// <summary>The next token; newlines are tokens only when <paramref name="newlines"/> (bodies and objects), else trivia.</summary>
    public HclToken Peek(bool newlines)
    {
        if (_peekedAt != Position || _peekedNewlines != newlines)
        {
            _peeked = Scan(Position, newlines);
            _peekedAt = Position;
            _peekedNewlines = newlines;
        }

        return _peeked;
    }

    public HclToken Next(bool newlines)
    {
        var token = Peek(newlines);
        Position = token.End;
        return token;
    }

    public string TextOf(HclToken token) => Text[token.Start..token.End];

    public InputException Error(int offset, string message)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new InputException(File, message, line, offset - lineStart + 1);
    }

    /// <summary>
    /// Literal text of a quoted template, escapes decoded, up to (not including) what ends it: the closing quote,
    /// <c>${</c> or <c>%{</c>. A newline or the end of the text is an error, as in HCL.
    /// </summary>
    public HclTemplateStop ReadQuotedLiteral(StringBuilder into)
    {
        while (Position < Limit)
        {
            var c = Text[Position];
            switch (c)
            {
                case '"':
                    return HclTemplateStop.CloseQuote;
                case '\n' or '\r':
                    throw Error(Position, "quoted strings may not be split over lines (use \\n or a heredoc)");
                case '\\':
                    Escape(into);
                    continue;
                case '$' or '%' when Starts(Position + 1, "{"):
                    return c == '$' ? HclTemplateStop.Interpolation : HclTemplateStop.Directive;
                case '$' or '%' when Starts(Position + 1, c + "{"):
                    // $${ and %%{ are the template escapes for a literal ${ and %{.
                    into.Append(c).Append('{');
                    Position += 3;
                    continue;
                default:
                    into.Append(c);
                    Position++;
                    continue;
            }
        }

        throw Error(Position, "unterminated string: no closing \"");
    }

    /// <summary>
    /// Literal text of a heredoc or of a JSON-syntax string (no backslash escapes) up to <c>${</c>, <c>%{</c> or
    /// <see cref="Limit"/>; with <paramref name="byLine"/> it also stops after each newline, so a flush heredoc can
    /// find the start of every line.
    /// </summary>
    public HclTemplateStop ReadRawLiteral(StringBuilder into, bool byLine)
    {
        while (Position < Limit)
        {
            var c = Text[Position];
            if (c is '$' or '%' && Starts(Position + 1, "{"))
            {
                return c == '$' ? HclTemplateStop.Interpolation : HclTemplateStop.Directive;
            }

            if (c is '$' or '%' && Starts(Position + 1, c + "{"))
            {
                into.Append(c).Append('{');
                Position += 3;
                continue;
            }

            into.Append(c);
            Position++;
            if (c == '\n' && byLine)
            {
                return HclTemplateStop.LineEnd;
            }
        }

        return HclTemplateStop.End;
    }

    /// <summary>
    /// After <c>&lt;&lt;</c> or <c>&lt;&lt;-</c> and the marker: the heredoc's content range and where its closing
    /// marker line ends. The closing line is the first whose text, leading spaces aside, is the marker alone.
    /// </summary>
    public (int ContentStart, int ContentEnd, int After) HeredocExtent(string marker, int openedAt)
    {
        var contentStart = Position;
        var lineStart = contentStart;
        while (lineStart < Text.Length)
        {
            var lineEnd = Text.IndexOf('\n', lineStart);
            var end = lineEnd < 0 ? Text.Length : lineEnd;
            var line = Text.AsSpan(lineStart, end - lineStart).TrimEnd('\r').TrimStart(" \t");
            if (line.SequenceEqual(marker))
            {
                return (contentStart, lineStart, end);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        throw Error(openedAt, $"unterminated heredoc: no line with the closing marker {marker}");
    }

    private bool Starts(int at, string what) => at + what.Length <= Limit && string.CompareOrdinal(Text, at, what, 0, what.Length) == 0;

    private void Escape(StringBuilder into)
    {
        var at = Position;
        if (at + 1 >= Limit)
        {
            throw Error(at, "unterminated escape sequence");
        }

        var kind = Text[at + 1];
        Position += 2;
        switch (kind)
        {
            case 'n': into.Append('\n'); return;
            case 'r': into.Append('\r'); return;
            case 't': into.Append('\t'); return;
            case '"': into.Append('"'); return;
            case '\\': into.Append('\\'); return;
            case 'u' or 'U':
                var digits = kind == 'u' ? 4 : 8;
                if (Position + digits > Limit
                    || !int.TryParse(Text.AsSpan(Position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                {
                    throw Error(at, $"invalid \\{kind} escape: expected {digits} hex digits of a Unicode scalar value");
                }

                into.Append(char.ConvertFromUtf32(code));
                Position += digits;
                return;
            default:
                throw Error(at, $"invalid escape sequence \\{kind}");
        }
    }

    private HclToken Scan(int at, bool newlines)
    {
        while (at < Limit)
        {
            var c = Text[at];
            if (c is ' ' or '\t' or '\r' or '\uFEFF')
            {
                at++;
            }
            else if (c == '\n' || c == '#' || (c == '/' && Peek(at + 1) == '/'))
            {
                // A line comment ends its line, so it counts as the newline after it.
                var start = at;
                if (c != '\n')
                {
                    var end = Text.IndexOf('\n', at, Limit - at);
                    at = end < 0 ? Limit : end;
                }

                at = Math.Min(at + 1, Limit);
                if (newlines)
                {
                    return new HclToken(HclTokenKind.Newline, start, at);
                }
            }
            else if (c == '/' && Peek(at + 1) == '*')
            {
                var end = Text.IndexOf("*/", at + 2, Limit - at - 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error(at, "unterminated /* comment");
                }

                at = end + 2;
            }
            else
            {
                return Token(at);
            }
        }

        return new HclToken(HclTokenKind.EndOfFile, Limit, Limit);
    }

    private char Peek(int at) => at < Limit ? Text[at] : '\0';

    private HclToken Token(int at)
    {
        var c = Text[at];
        if (char.IsLetter(c) || c == '_' || char.IsSurrogate(c))
        {
            var end = at + 1;
            while (end < Limit && (char.IsLetterOrDigit(Text[end]) || Text[end] is '_' or '-' || char.IsSurrogate(Text[end])))
            {
                end++;
            }

            return new HclToken(HclTokenKind.Identifier, at, end);
        }

        if (char.IsAsciiDigit(c))
        {
            return Number(at);
        }

        var two = at + 1 < Limit ? Text.Substring(at, 2) : string.Empty;
        var kind = two switch
        {
            "==" => HclTokenKind.Equal,
            "!=" => HclTokenKind.NotEqual,
            "<=" => HclTokenKind.LessOrEqual,
            ">=" => HclTokenKind.GreaterOrEqual,
            "&&" => HclTokenKind.And,
            "||" => HclTokenKind.Or,
            "=>" => HclTokenKind.FatArrow,
            "::" => HclTokenKind.DoubleColon,
            "<<" => HclTokenKind.OpenHeredoc,
            _ => (HclTokenKind?)null,
        };
        if (kind is { } pair)
        {
            return new HclToken(pair, at, at + 2);
        }

        if (c == '.' && Peek(at + 1) == '.' && Peek(at + 2) == '.')
        {
            return new HclToken(HclTokenKind.Ellipsis, at, at + 3);
        }

        var single = c switch
        {
            '"' => HclTokenKind.OpenQuote,
            '{' => HclTokenKind.OpenBrace,
            '}' => HclTokenKind.CloseBrace,
            '[' => HclTokenKind.OpenBracket,
            ']' => HclTokenKind.CloseBracket,
            '(' => HclTokenKind.OpenParen,
            ')' => HclTokenKind.CloseParen,
            '=' => HclTokenKind.Assign,
            ':' => HclTokenKind.Colon,
            ',' => HclTokenKind.Comma,
            '.' => HclTokenKind.Dot,
            '?' => HclTokenKind.Question,
            '+' => HclTokenKind.Plus,
            '-' => HclTokenKind.Minus,
            '*' => HclTokenKind.Star,
            '/' => HclTokenKind.Slash,
            '%' => HclTokenKind.Percent,
            '!' => HclTokenKind.Bang,
            '<' => HclTokenKind.Less,
            '>' => HclTokenKind.Greater,
            '~' => HclTokenKind.Tilde,
            _ => throw Error(at, $"unexpected character '{c}'"),
        };
        return new HclToken(single, at, at + 1);
    }

    private HclToken Number(int at)
    {
        var end = Digits(at);
        if (Peek(end) == '.' && char.IsAsciiDigit(Peek(end + 1)))
        {
            end = Digits(end + 1);
        }

        if (Peek(end) is 'e' or 'E')
        {
            var exponent = end + 1;
            if (Peek(exponent) is '+' or '-')
            {
                exponent++;
            }

            if (char.IsAsciiDigit(Peek(exponent)))
            {
                end = Digits(exponent);
            }
        }

        return new HclToken(HclTokenKind.Number, at, end);
    }

    private int Digits(int at)
    {
        while (at < Limit && char.IsAsciiDigit(Text[at]))
        {
            at++;
        }

        return at;
    }
}
