using System.Globalization;

namespace Keyless.Cel.Parsing;

/// <summary>Member chains, primaries, literals and macros.</summary>
internal sealed partial class Parser
{
    private CelExpr ParseMember(int negativeLiteralAt = -1)
    {
        var expr = ParsePrimary(negativeLiteralAt);
        var links = 0;
        try
        {
            while (true)
            {
                if (Accept(TokenKind.Dot))
                {
                    if (_token.Kind == TokenKind.Question)
                    {
                        throw new SyntaxException("optional field selection is not supported", _token.Offset);
                    }

                    var name = _token.Kind is TokenKind.Ident or TokenKind.QuotedIdent
                        ? Advance()
                        : throw Unexpected("a field name");
                    Enter();
                    links++;
                    if (name.Kind == TokenKind.Ident && Accept(TokenKind.LParen))
                    {
                        var args = ParseArguments();
                        expr = MemberCallOrMacro(expr, name.Text!, args, _previous.End);
                    }
                    else
                    {
                        expr = new CelSelect(NextId(), expr.Offset, name.End - expr.Offset, expr, name.Text!, false);
                    }
                }
                else if (_token.Kind == TokenKind.LBracket)
                {
                    Advance();
                    if (_token.Kind == TokenKind.Question)
                    {
                        throw new SyntaxException("optional index is not supported", _token.Offset);
                    }

                    Enter();
                    links++;
                    var index = ParseExpr();
                    var close = Expect(TokenKind.RBracket, "']'");
                    expr = Call(expr.Offset, close.End, null, CelOperators.Index, expr, index);
                }
                else if (_token.Kind == TokenKind.LBrace && IsQualifiedName(expr))
                {
                    throw new SyntaxException("message construction is not supported: there are no protobuf types here", _token.Offset);
                }
                else
                {
                    return expr;
                }
            }
        }
        finally
        {
            _depth -= links;
        }
    }

    private static bool IsQualifiedName(CelExpr expr) =>
        expr is CelIdent || (expr is CelSelect { TestOnly: false } s && IsQualifiedName(s.Operand));

    private List<CelExpr> ParseArguments()
    {
        var args = new List<CelExpr>();
        if (Accept(TokenKind.RParen))
        {
            return args;
        }

        do
        {
            args.Add(ParseExpr());
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RParen, "')' or ','");
        return args;
    }

    private CelExpr ParsePrimary(int negativeLiteralAt)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.Int:
                Advance();
                return IntLiteral(token, negativeLiteralAt);
            case TokenKind.Double:
                Advance();
                if (negativeLiteralAt >= 0)
                {
                    token.Value!.TryGetDouble(out var d);
                    return new CelConst(NextId(), negativeLiteralAt, token.End - negativeLiteralAt, CelValue.Of(-d));
                }

                return new CelConst(NextId(), token.Offset, token.Length, token.Value!);
            case TokenKind.Uint or TokenKind.String or TokenKind.Bytes:
                Advance();
                return new CelConst(NextId(), token.Offset, token.Length, token.Value!);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new CelConst(NextId(), token.Offset, token.Length, CelValue.Of(token.Kind == TokenKind.True));
            case TokenKind.Null:
                Advance();
                return new CelConst(NextId(), token.Offset, token.Length, CelValue.Null);
            case TokenKind.LParen:
            {
                Advance();
                var inner = ParseExpr();
                Expect(TokenKind.RParen, "')'");
                return inner;
            }

            case TokenKind.LBracket:
                return ParseList();
            case TokenKind.LBrace:
                return ParseMap();
            case TokenKind.Dot or TokenKind.Ident:
            {
                var start = token.Offset;
                var rooted = Accept(TokenKind.Dot);
                var name = _token.Kind == TokenKind.Ident ? Advance() : throw Unexpected("a name");
                if (Reserved.Contains(name.Text!))
                {
                    throw new SyntaxException($"reserved identifier: {name.Text}", name.Offset);
                }

                var text = rooted ? "." + name.Text : name.Text!;
                if (Accept(TokenKind.LParen))
                {
                    Enter();
                    var args = ParseArguments();
                    Leave();
                    return GlobalCallOrMacro(start, text, args, _previous.End);
                }

                return new CelIdent(NextId(), start, name.End - start, text);
            }

            default:
                throw Unexpected("an expression");
        }
    }

    private CelConst IntLiteral(Token token, int negativeLiteralAt)
    {
        var magnitude = ulong.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            ? m
            : throw new SyntaxException("int literal out of range", token.Offset);
        if (negativeLiteralAt >= 0)
        {
            return magnitude <= 9223372036854775808UL
                ? new CelConst(NextId(), negativeLiteralAt, token.End - negativeLiteralAt, CelValue.Of((long)(0UL - magnitude)))
                : throw new SyntaxException("int literal out of range", negativeLiteralAt);
        }

        return magnitude <= long.MaxValue
            ? new CelConst(NextId(), token.Offset, token.Length, CelValue.Of((long)magnitude))
            : throw new SyntaxException("int literal out of range", token.Offset);
    }

    private CelList ParseList()
    {
        var open = Advance();
        Enter();
        var items = new List<CelExpr>();
        while (_token.Kind != TokenKind.RBracket)
        {
            if (_token.Kind == TokenKind.Question)
            {
                throw new SyntaxException("optional list elements are not supported", _token.Offset);
            }

            items.Add(ParseExpr());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(TokenKind.RBracket, "']' or ','");
        Leave();
        return new CelList(NextId(), open.Offset, close.End - open.Offset, items);
    }

    private CelMap ParseMap()
    {
        var open = Advance();
        Enter();
        var entries = new List<CelMapEntry>();
        while (_token.Kind != TokenKind.RBrace)
        {
            if (_token.Kind == TokenKind.Question)
            {
                throw new SyntaxException("optional map entries are not supported", _token.Offset);
            }

            var key = ParseExpr();
            Expect(TokenKind.Colon, "':'");
            var value = ParseExpr();
            entries.Add(new CelMapEntry(NextId(), key, value));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(TokenKind.RBrace, "'}' or ','");
        Leave();
        return new CelMap(NextId(), open.Offset, close.End - open.Offset, entries);
    }
}
