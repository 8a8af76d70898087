using System.Globalization;

namespace Keyless.Cel.Parsing;

/// <summary>Splits CEL source into tokens; literal text is decoded here (escapes, bases, suffixes).</summary>
internal sealed class Lexer(string source)
{
    private int _pos;

    public Token Next()
    {
        SkipTrivia();
        if (_pos >= source.Length)
        {
            return new Token(TokenKind.End, source.Length, 0);
        }

        var start = _pos;
        var c = source[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < source.Length && char.IsAsciiDigit(source[_pos + 1])))
        {
            return Number(start);
        }

        if (c is '"' or '\'')
        {
            return StringLiteral(start, raw: false, bytes: false, _pos);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            // String prefixes: r, b, rb, br in any case, directly followed by a quote.
            var p = _pos;
            bool raw = false, bytes = false;
            for (var k = 0; k < 2 && p < source.Length; k++, p++)
            {
                if ((source[p] is 'r' or 'R') && !raw)
                {
                    raw = true;
                }
                else if ((source[p] is 'b' or 'B') && !bytes)
                {
                    bytes = true;
                }
                else
                {
                    break;
                }

                if (p + 1 < source.Length && source[p + 1] is '"' or '\'')
                {
                    return StringLiteral(start, raw, bytes, p + 1);
                }
            }

            while (_pos < source.Length && (char.IsAsciiLetterOrDigit(source[_pos]) || source[_pos] == '_'))
            {
                _pos++;
            }

            var word = source[start.._pos];
            return word switch
            {
                "true" => new Token(TokenKind.True, start, _pos - start),
                "false" => new Token(TokenKind.False, start, _pos - start),
                "null" => new Token(TokenKind.Null, start, _pos - start),
                "in" => new Token(TokenKind.In, start, _pos - start),
                _ => new Token(TokenKind.Ident, start, _pos - start, Text: word),
            };
        }

        if (c == '`')
        {
            var end = source.IndexOf('`', _pos + 1);
            if (end < 0)
            {
                throw new SyntaxException("unterminated quoted identifier", start);
            }

            var name = source[(_pos + 1)..end];
            if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.' or '-' or '/' or ' '))
            {
                throw new SyntaxException("invalid quoted identifier", start);
            }

            _pos = end + 1;
            return new Token(TokenKind.QuotedIdent, start, _pos - start, Text: name);
        }

        _pos++;
        var next = _pos < source.Length ? source[_pos] : '\0';
        TokenKind? two = (c, next) switch
        {
            ('<', '=') => TokenKind.LessEquals,
            ('>', '=') => TokenKind.GreaterEquals,
            ('=', '=') => TokenKind.EqualEqual,
            ('!', '=') => TokenKind.NotEqual,
            ('&', '&') => TokenKind.AndAnd,
            ('|', '|') => TokenKind.OrOr,
            _ => null,
        };
        if (two is { } kind2)
        {
            _pos++;
            return new Token(kind2, start, 2);
        }

        TokenKind kind = c switch
        {
            '(' => TokenKind.LParen,
            ')' => TokenKind.RParen,
            '[' => TokenKind.LBracket,
            ']' => TokenKind.RBracket,
            '{' => TokenKind.LBrace,
            '}' => TokenKind.RBrace,
            '.' => TokenKind.Dot,
            ',' => TokenKind.Comma,
            ':' => TokenKind.Colon,
            '?' => TokenKind.Question,
            '!' => TokenKind.Not,
            '-' => TokenKind.Minus,
            '+' => TokenKind.Plus,
            '*' => TokenKind.Star,
            '/' => TokenKind.Slash,
            '%' => TokenKind.Percent,
            '<' => TokenKind.Less,
            '>' => TokenKind.Greater,
            _ => throw new SyntaxException($"unexpected character '{Printable(c)}'", start),
        };
        return new Token(kind, start, 1);
    }

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();

    private void SkipTrivia()
    {
        while (_pos < source.Length)
        {
            var c = source[_pos];
            if (c is ' ' or '\t' or '\r' or '\n' or '\f')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < source.Length && source[_pos + 1] == '/')
            {
                while (_pos < source.Length && source[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token Number(int start)
    {
        if (source[_pos] == '0' && _pos + 1 < source.Length && source[_pos + 1] is 'x' or 'X')
        {
            _pos += 2;
            var digitsStart = _pos;
            while (_pos < source.Length && char.IsAsciiHexDigit(source[_pos]))
            {
                _pos++;
            }

            if (_pos == digitsStart)
            {
                throw new SyntaxException("invalid hex literal", start);
            }

            var hex = source[digitsStart.._pos];
            if (_pos < source.Length && source[_pos] is 'u' or 'U')
            {
                _pos++;
                return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u)
                    ? new Token(TokenKind.Uint, start, _pos - start, CelValue.Uint(u))
                    : throw new SyntaxException("uint literal out of range", start);
            }

            return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var magnitude)
                ? new Token(TokenKind.Int, start, _pos - start, Text: magnitude.ToString(CultureInfo.InvariantCulture))
                : throw new SyntaxException("int literal out of range", start);
        }

        while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
        {
            _pos++;
        }

        var isDouble = false;
        if (_pos + 1 < source.Length && source[_pos] == '.' && char.IsAsciiDigit(source[_pos + 1]))
        {
            isDouble = true;
            _pos++;
            while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < source.Length && source[_pos] is 'e' or 'E')
        {
            var p = _pos + 1;
            if (p < source.Length && source[p] is '+' or '-')
            {
                p++;
            }

            if (p < source.Length && char.IsAsciiDigit(source[p]))
            {
                isDouble = true;
                _pos = p;
                while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
                {
                    _pos++;
                }
            }
        }

        var text = source[start.._pos];
        if (isDouble)
        {
            return new Token(TokenKind.Double, start, _pos - start, CelValue.Of(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        if (_pos < source.Length && source[_pos] is 'u' or 'U')
        {
            _pos++;
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
                ? new Token(TokenKind.Uint, start, _pos - start, CelValue.Uint(u))
                : throw new SyntaxException("uint literal out of range", start);
        }

        // The magnitude is kept as text: whether it fits depends on a minus sign the parser may fold in.
        return new Token(TokenKind.Int, start, _pos - start, Text: text);
    }

    private Token StringLiteral(int start, bool raw, bool bytes, int quoteAt)
    {
        var quote = source[quoteAt];
        var triple = quoteAt + 2 < source.Length && source[quoteAt + 1] == quote && source[quoteAt + 2] == quote;
        var p = quoteAt + (triple ? 3 : 1);
        var decoder = new LiteralDecoder(bytes);
        while (true)
        {
            if (p >= source.Length)
            {
                throw new SyntaxException("unterminated string literal", start);
            }

            var c = source[p];
            if (c == quote && (!triple || (p + 2 < source.Length && source[p + 1] == quote && source[p + 2] == quote)))
            {
                p += triple ? 3 : 1;
                break;
            }

            if (!triple && c is '\n' or '\r')
            {
                throw new SyntaxException("newline in string literal", p);
            }

            if (c == '\\' && !raw)
            {
                p = decoder.Escape(source, p);
                continue;
            }

            var len = char.IsHighSurrogate(c) && p + 1 < source.Length && char.IsLowSurrogate(source[p + 1]) ? 2 : 1;
            decoder.Append(source, p, len);
            p += len;
        }

        _pos = p;
        return new Token(bytes ? TokenKind.Bytes : TokenKind.String, start, p - start, decoder.ToValue());
    }
}
