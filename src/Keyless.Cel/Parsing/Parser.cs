using System.Globalization;

namespace Keyless.Cel.Parsing;

/// <summary>
/// Recursive descent over the CEL grammar, with cel-go's tree shapes: operator calls, <c>&amp;&amp;</c>/<c>||</c>
/// chains balanced, <c>!!x</c> folded to <c>x</c>, a minus before a number literal folded into it, macros expanded.
/// Recursion is bounded by the depth limit, so hostile input gives a diagnostic, never a stack overflow.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    };

    private readonly string _source;
    private readonly Lexer _lexer;
    private readonly int _maxDepth;
    private Token _token;
    private Token _previous;
    private long _nextId = 1;
    private int _depth;

    private Parser(string source, int maxDepth)
    {
        _source = source;
        _lexer = new Lexer(source);
        _maxDepth = maxDepth;
        _token = _lexer.Next();
    }

    public static ParseResult Parse(string source, int maxDepth)
    {
        try
        {
            var parser = new Parser(source, maxDepth);
            var expr = parser.ParseExpr();
            if (parser._token.Kind != TokenKind.End)
            {
                throw parser.Unexpected("end of input");
            }

            if (DepthChecker.FirstTooDeep(expr, maxDepth) is { } deep)
            {
                return new ParseResult(null, new SyntaxError($"expression nests deeper than {maxDepth} levels", deep.Offset));
            }

            return new ParseResult(expr, null);
        }
        catch (SyntaxException e)
        {
            return new ParseResult(null, new SyntaxError(e.Message, e.Offset));
        }
    }

    private long NextId() => _nextId++;

    private Token Advance()
    {
        _previous = _token;
        _token = _lexer.Next();
        return _previous;
    }

    private bool Accept(TokenKind kind)
    {
        if (_token.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string what) =>
        _token.Kind == kind ? Advance() : throw Unexpected(what);

    private SyntaxException Unexpected(string expected)
    {
        var found = _token.Kind == TokenKind.End
            ? "end of input"
            : string.Concat("'", _source.AsSpan(_token.Offset, Math.Min(_token.Length, 20)), "'");
        return new SyntaxException($"syntax error: found {found}, expected {expected}", _token.Offset);
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw new SyntaxException($"expression nests deeper than {_maxDepth} levels", _token.Offset);
        }
    }

    private void Leave() => _depth--;

    private CelCall Call(int start, int end, CelExpr? target, string function, params CelExpr[] args) =>
        new(NextId(), start, end - start, target, function, args);

    private static int End(CelExpr e) => e.Offset + e.Length;

    private CelExpr ParseExpr()
    {
        Enter();
        var condition = ParseOr();
        if (Accept(TokenKind.Question))
        {
            var whenTrue = ParseOr();
            Expect(TokenKind.Colon, "':'");
            var whenFalse = ParseExpr();
            condition = Call(condition.Offset, End(whenFalse), null, CelOperators.Conditional, condition, whenTrue, whenFalse);
        }

        Leave();
        return condition;
    }

    private CelExpr ParseOr() => ParseChain(TokenKind.OrOr, CelOperators.LogicalOr, ParseAnd);

    private CelExpr ParseAnd() => ParseChain(TokenKind.AndAnd, CelOperators.LogicalAnd, ParseRelation);

    /// <summary>a || b || c … as a balanced tree, as cel-go builds it, so long chains stay shallow.</summary>
    private CelExpr ParseChain(TokenKind op, string function, Func<CelExpr> operand)
    {
        var first = operand();
        if (_token.Kind != op)
        {
            return first;
        }

        var terms = new List<CelExpr> { first };
        while (Accept(op))
        {
            terms.Add(operand());
        }

        return Balance(terms, 0, terms.Count - 1, function);
    }

    private CelExpr Balance(List<CelExpr> terms, int lo, int hi, string function)
    {
        if (lo == hi)
        {
            return terms[lo];
        }

        var mid = (lo + hi + 1) / 2;
        var left = Balance(terms, lo, mid - 1, function);
        var right = Balance(terms, mid, hi, function);
        return Call(left.Offset, End(right), null, function, left, right);
    }

    private CelExpr ParseRelation()
    {
        var left = ParseAddition();
        while (true)
        {
            var function = _token.Kind switch
            {
                TokenKind.Less => CelOperators.Less,
                TokenKind.LessEquals => CelOperators.LessEquals,
                TokenKind.Greater => CelOperators.Greater,
                TokenKind.GreaterEquals => CelOperators.GreaterEquals,
                TokenKind.EqualEqual => CelOperators.Equal,
                TokenKind.NotEqual => CelOperators.NotEqual,
                TokenKind.In => CelOperators.In,
                _ => null,
            };
            if (function is null)
            {
                return left;
            }

            Advance();
            var right = ParseAddition();
            left = Call(left.Offset, End(right), null, function, left, right);
        }
    }

    private CelExpr ParseAddition()
    {
        var left = ParseMultiplication();
        while (_token.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var function = Advance().Kind == TokenKind.Plus ? CelOperators.Add : CelOperators.Subtract;
            var right = ParseMultiplication();
            left = Call(left.Offset, End(right), null, function, left, right);
        }

        return left;
    }

    private CelExpr ParseMultiplication()
    {
        var left = ParseUnary();
        while (_token.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var function = Advance().Kind switch
            {
                TokenKind.Star => CelOperators.Multiply,
                TokenKind.Slash => CelOperators.Divide,
                _ => CelOperators.Modulo,
            };
            var right = ParseUnary();
            left = Call(left.Offset, End(right), null, function, left, right);
        }

        return left;
    }

    private CelExpr ParseUnary()
    {
        var start = _token.Offset;
        if (_token.Kind == TokenKind.Not)
        {
            var count = 0;
            while (Accept(TokenKind.Not))
            {
                count++;
            }

            var operand = ParseMember();
            return count % 2 == 0 ? operand : Call(start, End(operand), null, CelOperators.LogicalNot, operand);
        }

        if (_token.Kind == TokenKind.Minus)
        {
            var count = 0;
            while (_token.Kind == TokenKind.Minus)
            {
                var minus = Advance();
                count++;
                if (_token.Kind is TokenKind.Int or TokenKind.Double && _token.Offset >= minus.End)
                {
                    // The last minus belongs to the literal: -9223372036854775808 is a valid int.
                    count--;
                    var operand = ParseMember(negativeLiteralAt: minus.Offset);
                    return count % 2 == 0 ? operand : Call(start, End(operand), null, CelOperators.Negate, operand);
                }
            }

            var negated = ParseMember();
            return count % 2 == 0 ? negated : Call(start, End(negated), null, CelOperators.Negate, negated);
        }

        return ParseMember();
    }
}
