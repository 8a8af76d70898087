namespace Keyless.GitLab.Lint.Gating;

/// <summary>
/// Parses GitLab's CI/CD expression language: <c>$VAR</c> (or <c>${VAR}</c>), quoted strings, <c>null</c>,
/// <c>/regex/flags</c>, <c>== != =~ !~</c>, <c>&amp;&amp;</c> (binding tighter than <c>||</c>) and parentheses.
/// Never throws: bad input parses to <see cref="CiExpression.Invalid"/>; nesting is bounded.
/// </summary>
internal sealed class CiExpressionParser
{
    private const int MaxDepth = 32;

    private readonly string _text;
    private int _pos;

    private CiExpressionParser(string text) => _text = text;

    public static CiExpression Parse(string text)
    {
        var parser = new CiExpressionParser(text);
        var expression = parser.ParseOr(0);
        parser.SkipSpaces();
        return parser._pos < parser._text.Length && expression is not CiExpression.Invalid
            ? new CiExpression.Invalid($"unexpected '{parser._text[parser._pos..]}'")
            : expression;
    }

    private CiExpression ParseOr(int depth)
    {
        var left = ParseAnd(depth);
        while (left is not CiExpression.Invalid && Accept("||"))
        {
            var right = ParseAnd(depth);
            left = right is CiExpression.Invalid ? right : new CiExpression.Or(left, right);
        }

        return left;
    }

    private CiExpression ParseAnd(int depth)
    {
        var left = ParsePrimary(depth);
        while (left is not CiExpression.Invalid && Accept("&&"))
        {
            var right = ParsePrimary(depth);
            left = right is CiExpression.Invalid ? right : new CiExpression.And(left, right);
        }

        return left;
    }

    private CiExpression ParsePrimary(int depth)
    {
        if (Accept("("))
        {
            if (depth >= MaxDepth)
            {
                return new CiExpression.Invalid("parentheses nest too deeply");
            }

            var inner = ParseOr(depth + 1);
            return inner is CiExpression.Invalid || Accept(")") ? inner : new CiExpression.Invalid("missing ')'");
        }

        var left = ParseOperand(regexAllowed: false);
        if (left is CiExpression.Invalid)
        {
            return left;
        }

        foreach (var op in new[] { "==", "!=", "=~", "!~" })
        {
            if (Accept(op))
            {
                var right = ParseOperand(regexAllowed: op is "=~" or "!~");
                return right is CiExpression.Invalid ? right : new CiExpression.Compare(op, left, right);
            }
        }

        return left;
    }

    private CiExpression ParseOperand(bool regexAllowed)
    {
        SkipSpaces();
        if (_pos >= _text.Length)
        {
            return new CiExpression.Invalid("expression ends early");
        }

        var c = _text[_pos];
        if (c == '$')
        {
            _pos++;
            var braced = _pos < _text.Length && _text[_pos] == '{';
            if (braced)
            {
                _pos++;
            }

            var start = _pos;
            while (_pos < _text.Length && Identifiers.IsIdentifierChar(_text[_pos]))
            {
                _pos++;
            }

            var name = _text[start.._pos];
            if (braced && !Accept("}"))
            {
                return new CiExpression.Invalid("missing '}'");
            }

            return name.Length == 0 ? new CiExpression.Invalid("'$' without a name") : new CiExpression.Variable(name);
        }

        if (c is '"' or '\'')
        {
            var close = _text.IndexOf(c, _pos + 1);
            if (close < 0)
            {
                return new CiExpression.Invalid("unterminated string");
            }

            var value = _text[(_pos + 1)..close];
            _pos = close + 1;
            return new CiExpression.Text(value);
        }

        if (c == '/' && regexAllowed)
        {
            var end = _pos + 1;
            while (end < _text.Length && _text[end] != '/')
            {
                end += _text[end] == '\\' ? 2 : 1;
            }

            if (end >= _text.Length)
            {
                return new CiExpression.Invalid("unterminated regular expression");
            }

            var source = _text[(_pos + 1)..end];
            _pos = end + 1;
            var ignoreCase = false;
            while (_pos < _text.Length && char.IsAsciiLetter(_text[_pos]))
            {
                ignoreCase |= _text[_pos] == 'i';
                _pos++;
            }

            return new CiExpression.Pattern(source, ignoreCase);
        }

        if (string.CompareOrdinal(_text, _pos, "null", 0, 4) == 0)
        {
            _pos += 4;
            return new CiExpression.Null();
        }

        return new CiExpression.Invalid($"unexpected '{_text[_pos..]}'");
    }

    private bool Accept(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0)
        {
            return false;
        }

        _pos += token.Length;
        return true;
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }
}
