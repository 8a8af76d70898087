using System.Globalization;
using System.Text.Json.Nodes;
using Keyless.Trust.Diagnostics;

namespace Keyless.Formats.Inputs.Hcl;

/// <summary>
/// A recursive-descent parser for HCL's native syntax (the Terraform <c>.tf</c> language): bodies of arguments
/// and blocks, and the full expression grammar (operators, conditionals, <c>for</c>, splats, calls, templates and
/// heredocs), so any valid file parses. Nesting deeper than <see cref="MaxDepth"/> is refused, so hostile input
/// cannot exhaust the stack; errors are an <see cref="InputException"/> with the file, line and column.
/// </summary>
internal sealed partial class HclParser
{
    /// <summary>Deeper than any real configuration nests (blocks, brackets, templates and unary operators together).</summary>
    public const int MaxDepth = 64;

    private static readonly HclTokenKind[][] Levels =
    [
        [HclTokenKind.Or],
        [HclTokenKind.And],
        [HclTokenKind.Equal, HclTokenKind.NotEqual],
        [HclTokenKind.Less, HclTokenKind.Greater, HclTokenKind.LessOrEqual, HclTokenKind.GreaterOrEqual],
        [HclTokenKind.Plus, HclTokenKind.Minus],
        [HclTokenKind.Star, HclTokenKind.Slash, HclTokenKind.Percent],
    ];

    private readonly HclLexer _lexer;

    // Newlines end arguments in bodies and items in objects, and are blank space inside (), [] and ${}.
    private readonly Stack<bool> _newlines = new();
    private int _depth;

    private HclParser(string file, string text)
    {
        _lexer = new HclLexer(file, text);
        _newlines.Push(true);
    }

    /// <summary>Parses a whole <c>.tf</c> file.</summary>
    public static HclBody ParseFile(string file, string text)
    {
        return new HclParser(file, text).Body(topLevel: true);
    }

    /// <summary>The source text of an expression, as <c>${…}</c> keeps it.</summary>
    public static string Source(string text, HclExpression expression) => text[expression.Start..expression.End];

    private bool Newlines => _newlines.Peek();

    private HclToken Peek() => _lexer.Peek(Newlines);

    private HclToken Next() => _lexer.Next(Newlines);

    private bool Accept(HclTokenKind kind)
    {
        if (Peek().Kind != kind)
        {
            return false;
        }

        Next();
        return true;
    }

    private HclToken Expect(HclTokenKind kind, string what)
    {
        var token = Peek();
        return token.Kind == kind ? Next() : throw Unexpected(token, what);
    }

    private InputException Unexpected(HclToken token, string expected) =>
        _lexer.Error(token.Start, $"expected {expected}, found {Describe(token)}");

    private string Describe(HclToken token) => token.Kind switch
    {
        HclTokenKind.EndOfFile => "the end of the file",
        HclTokenKind.Newline => "a newline",
        HclTokenKind.OpenQuote => "a string",
        _ => $"'{_lexer.TextOf(token)}'",
    };

    private void Enter(int at)
    {
        if (++_depth > MaxDepth)
        {
            throw _lexer.Error(at, $"nested more than {MaxDepth} levels deep");
        }
    }

    private void Leave() => _depth--;

    private HclBody Body(bool topLevel)
    {
        var attributes = new List<HclAttribute>();
        var blocks = new List<HclBlock>();
        var names = new Dictionary<string, bool>(StringComparer.Ordinal);
        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case HclTokenKind.Newline:
                    Next();
                    continue;
                case HclTokenKind.EndOfFile when topLevel:
                case HclTokenKind.CloseBrace when !topLevel:
                    return new HclBody(attributes, blocks);
                case HclTokenKind.Identifier:
                    break;
                default:
                    throw Unexpected(token, topLevel ? "an argument or a block" : "an argument, a block or '}'");
            }

            var name = _lexer.TextOf(Next());
            if (Peek().Kind == HclTokenKind.Assign)
            {
                Next();
                attributes.Add(Attribute(name, token.Start, names));
                EndOfItem("argument");
            }
            else
            {
                blocks.Add(Block(name, token.Start, names));
                EndOfItem("block");
            }
        }
    }

    private HclAttribute Attribute(string name, int start, Dictionary<string, bool> names)
    {
        if (names.TryGetValue(name, out var isAttribute))
        {
            throw _lexer.Error(start, isAttribute ? $"the argument \"{name}\" is set twice" : $"\"{name}\" is both a block and an argument");
        }

        names[name] = true;
        return new HclAttribute(name, Expression(), start);
    }

    private void EndOfItem(string what)
    {
        var token = Peek();
        if (token.Kind is HclTokenKind.Newline)
        {
            Next();
        }
        else if (token.Kind is not (HclTokenKind.EndOfFile or HclTokenKind.CloseBrace))
        {
            throw Unexpected(token, $"a newline after the {what}");
        }
    }

    private HclBlock Block(string type, int start, Dictionary<string, bool> names)
    {
        if (names.TryGetValue(type, out var isAttribute) && isAttribute)
        {
            throw _lexer.Error(start, $"\"{type}\" is both an argument and a block");
        }

        names[type] = false;
        var labels = new List<string>();
        while (true)
        {
            var token = Peek();
            if (token.Kind == HclTokenKind.Identifier)
            {
                labels.Add(_lexer.TextOf(Next()));
            }
            else if (token.Kind == HclTokenKind.OpenQuote)
            {
                Next();
                var label = Template(token.Start, quoted: true);
                labels.Add(label.IsLiteral
                    ? string.Concat(label.Parts.Cast<HclTemplateText>().Select(p => p.Text))
                    : throw _lexer.Error(token.Start, "a block label must be a literal string, without ${…}"));
            }
            else
            {
                break;
            }
        }

        var open = Expect(HclTokenKind.OpenBrace, "'{' to open the block, or a label");
        Enter(open.Start);
        HclBody body;
        if (Peek().Kind == HclTokenKind.Newline)
        {
            body = Body(topLevel: false);
        }
        else if (Peek().Kind == HclTokenKind.CloseBrace)
        {
            body = new HclBody([], []);
        }
        else
        {
            // A single-line block holds at most one argument: `features { a = 1 }`.
            var name = Expect(HclTokenKind.Identifier, "an argument or '}'");
            Expect(HclTokenKind.Assign, "'=' (a block on one line holds one argument)");
            body = new HclBody([Attribute(_lexer.TextOf(name), name.Start, new Dictionary<string, bool>(StringComparer.Ordinal))], []);
            if (Peek().Kind != HclTokenKind.CloseBrace)
            {
                throw Unexpected(Peek(), "'}' (a block on one line holds one argument; put the others on their own lines)");
            }
        }

        Expect(HclTokenKind.CloseBrace, "'}' to close the block");
        Leave();
        return new HclBlock(type, labels, body, start);
    }

    private HclExpression Expression()
    {
        var start = Peek().Start;
        Enter(start);
        var condition = Binary(0);
        if (Accept(HclTokenKind.Question))
        {
            var whenTrue = Expression();
            Expect(HclTokenKind.Colon, "':' of the conditional");
            var whenFalse = Expression();
            condition = new HclConditional(condition.Start, whenFalse.End, condition, whenTrue, whenFalse);
        }

        Leave();
        return condition;
    }

    private HclExpression Binary(int level)
    {
        if (level == Levels.Length)
        {
            return Unary();
        }

        var first = Binary(level + 1);
        if (Array.IndexOf(Levels[level], Peek().Kind) < 0)
        {
            return first;
        }

        // One level's chain is a flat list, however long, so evaluating it never recurses per operator.
        var operands = new List<HclExpression> { first };
        var operators = new List<HclTokenKind>();
        while (Array.IndexOf(Levels[level], Peek().Kind) >= 0)
        {
            operators.Add(Next().Kind);
            operands.Add(Binary(level + 1));
        }

        return new HclBinary(first.Start, operands[^1].End, operands, operators);
    }

    private HclExpression Unary()
    {
        var token = Peek();
        if (token.Kind is not (HclTokenKind.Bang or HclTokenKind.Minus))
        {
            return Postfix();
        }

        Next();
        Enter(token.Start);
        var operand = Unary();
        Leave();
        return new HclUnary(token.Start, operand.End, token.Kind, operand);
    }

    private HclExpression Postfix()
    {
        var term = Term();
        List<HclStep>? steps = null;
        var end = term.End;
        while (true)
        {
            var token = Peek();
            if (token.Kind == HclTokenKind.Dot)
            {
                Next();
                var step = Peek();
                if (step.Kind is HclTokenKind.Identifier or HclTokenKind.Number)
                {
                    // `.0` is the legacy index syntax, kept as an attribute named by the digits.
                    (steps ??= []).Add(new HclStep(_lexer.TextOf(Next()), null, Splat: false));
                }
                else if (step.Kind == HclTokenKind.Star)
                {
                    Next();
                    (steps ??= []).Add(new HclStep(null, null, Splat: true));
                }
                else
                {
                    throw Unexpected(step, "an attribute name after '.'");
                }

                end = step.End;
            }
            else if (token.Kind == HclTokenKind.OpenBracket)
            {
                Next();
                _newlines.Push(false);
                if (Accept(HclTokenKind.Star))
                {
                    (steps ??= []).Add(new HclStep(null, null, Splat: true));
                }
                else
                {
                    (steps ??= []).Add(new HclStep(null, Expression(), Splat: false));
                }

                end = Expect(HclTokenKind.CloseBracket, "']'").End;
                _newlines.Pop();
            }
            else
            {
                return steps is null ? term : new HclTraversal(term.Start, end, term, steps);
            }
        }
    }

    private HclExpression Term()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case HclTokenKind.Number:
                Next();
                return new HclLiteral(token.Start, token.End, Number(_lexer.TextOf(token)));
            case HclTokenKind.Identifier:
                return Name();
            case HclTokenKind.OpenParen:
                Next();
                _newlines.Push(false);
                var inner = Expression();
                var end = Expect(HclTokenKind.CloseParen, "')'").End;
                _newlines.Pop();
                return new HclParentheses(token.Start, end, inner);
            case HclTokenKind.OpenBracket:
                return Tuple();
            case HclTokenKind.OpenBrace:
                return Object();
            case HclTokenKind.OpenQuote:
                Next();
                return Template(token.Start, quoted: true);
            case HclTokenKind.OpenHeredoc:
                return Heredoc();
            default:
                throw Unexpected(token, "an expression");
        }
    }

    private HclExpression Name()
    {
        var token = Next();
        var name = _lexer.TextOf(token);
        switch (name)
        {
            case "true": return new HclLiteral(token.Start, token.End, JsonValue.Create(true));
            case "false": return new HclLiteral(token.Start, token.End, JsonValue.Create(false));
            case "null": return new HclLiteral(token.Start, token.End, null);
        }

        while (Peek().Kind == HclTokenKind.DoubleColon)
        {
            // Provider functions: provider::NAMESPACE::NAME(…).
            Next();
            name += "::" + _lexer.TextOf(Expect(HclTokenKind.Identifier, "a function name after '::'"));
        }

        if (Peek().Kind != HclTokenKind.OpenParen)
        {
            return name.Contains("::", StringComparison.Ordinal)
                ? throw Unexpected(Peek(), "'(' to call " + name)
                : new HclVariable(token.Start, token.End, name);
        }

        Next();
        _newlines.Push(false);
        var arguments = new List<HclExpression>();
        var expand = false;
        while (Peek().Kind != HclTokenKind.CloseParen)
        {
            arguments.Add(Expression());
            if (Accept(HclTokenKind.Ellipsis))
            {
                expand = true;
                break;
            }

            if (!Accept(HclTokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(HclTokenKind.CloseParen, "',' or ')' in the call to " + name);
        _newlines.Pop();
        return new HclCall(token.Start, close.End, name, arguments, expand);
    }

    private HclExpression Tuple()
    {
        var open = Next();
        _newlines.Push(false);
        Enter(open.Start);
        if (IsFor())
        {
            For(HclTokenKind.CloseBracket);
            var forEnd = Expect(HclTokenKind.CloseBracket, "']' to close the for expression").End;
            _newlines.Pop();
            Leave();
            return new HclFor(open.Start, forEnd);
        }

        var items = new List<HclExpression>();
        while (Peek().Kind != HclTokenKind.CloseBracket)
        {
            items.Add(Expression());
            if (!Accept(HclTokenKind.Comma))
            {
                break;
            }
        }

        var close = Expect(HclTokenKind.CloseBracket, "',' or ']' in the list");
        _newlines.Pop();
        Leave();
        return new HclTuple(open.Start, close.End, items);
    }

    private bool IsFor() => Peek() is { Kind: HclTokenKind.Identifier } token && _lexer.TextOf(token) == "for";

    /// <summary>The rest of <c>[for x in xs : y if c]</c> or <c>{for k, v in m : k => v... if c}</c>, parsed to be skipped.</summary>
    private void For(HclTokenKind close)
    {
        Next();
        Expect(HclTokenKind.Identifier, "a variable name after for");
        if (Accept(HclTokenKind.Comma))
        {
            Expect(HclTokenKind.Identifier, "a second variable name");
        }

        if (Peek() is not { Kind: HclTokenKind.Identifier } keyword || _lexer.TextOf(keyword) != "in")
        {
            throw Unexpected(Peek(), "'in'");
        }

        Next();
        Expression();
        Expect(HclTokenKind.Colon, "':' in the for expression");
        Expression();
        if (close == HclTokenKind.CloseBrace)
        {
            Expect(HclTokenKind.FatArrow, "'=>' in the for expression");
            Expression();
            Accept(HclTokenKind.Ellipsis);
        }

        if (Peek() is { Kind: HclTokenKind.Identifier } condition && _lexer.TextOf(condition) == "if")
        {
            Next();
            Expression();
        }
    }

    private HclExpression Object()
    {
        var open = Next();
        Enter(open.Start);
        _newlines.Push(true);
        if (Peek(skipNewlines: true) is var first && first.Kind == HclTokenKind.Identifier && _lexer.TextOf(first) == "for")
        {
            _newlines.Pop();
            _newlines.Push(false);
            For(HclTokenKind.CloseBrace);
            var end = Expect(HclTokenKind.CloseBrace, "'}' to close the for expression").End;
            _newlines.Pop();
            Leave();
            return new HclFor(open.Start, end);
        }

        var items = new List<HclObjectItem>();
        while (Peek(skipNewlines: true).Kind != HclTokenKind.CloseBrace)
        {
            var key = Expression();
            var name = key is HclVariable variable ? variable.Name : null;
            if (!Accept(HclTokenKind.Assign) && !Accept(HclTokenKind.Colon))
            {
                throw Unexpected(Peek(), "'=' or ':' after the object key");
            }

            items.Add(new HclObjectItem(key, name, Expression()));
            var separator = Peek();
            if (separator.Kind is HclTokenKind.Comma or HclTokenKind.Newline)
            {
                Next();
            }
            else if (separator.Kind != HclTokenKind.CloseBrace)
            {
                throw Unexpected(separator, "a newline or ',' between object items");
            }
        }

        var close = Expect(HclTokenKind.CloseBrace, "'}' to close the object");
        _newlines.Pop();
        Leave();
        return new HclObject(open.Start, close.End, items);
    }

    /// <summary>The next token after any newlines (which are consumed).</summary>
    private HclToken Peek(bool skipNewlines)
    {
        while (skipNewlines && Peek().Kind == HclTokenKind.Newline)
        {
            Next();
        }

        return Peek();
    }

    private static JsonValue? Number(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && exact == decimal.Truncate(exact) && exact is >= long.MinValue and <= long.MaxValue)
        {
            return JsonValue.Create((long)exact);
        }

        // Like hcl2json, a number beyond a double's range has no JSON form.
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? JsonValue.Create(value) : null;
    }
}
