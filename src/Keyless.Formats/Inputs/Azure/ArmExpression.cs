using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs.Azure;

/// <summary>
/// The part of ARM's template language that names resources: <c>[format('{0}/{1}', parameters('id'), 'fic')]</c>,
/// <c>[concat(…)]</c>, <c>parameters()</c> and <c>variables()</c> with literal values, string literals. A value is
/// split into pieces, each a literal or an opaque expression, so a child resource's name can be cut at its
/// <c>/</c> even when its parent's name is a parameter without a default. Anything else stays opaque; nothing is guessed.
/// </summary>
internal sealed class ArmExpression
{
    // Templates are small; the limits keep a crafted expression from costing more than its text.
    private const int MaxDepth = 16;
    private const int MaxLength = 4096;

    private readonly JsonObject? _parameters;
    private readonly JsonObject? _variables;

    public ArmExpression(JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        _parameters = template["parameters"] as JsonObject;
        _variables = template["variables"] as JsonObject;
    }

    /// <summary>One piece of a value: literal text, or an expression whose value a template alone does not give.</summary>
    public sealed record Piece(string? Literal, string Text);

    /// <summary>The value's literal text when every piece is literal, else null (the value is not known).</summary>
    public string? Literal(string value)
    {
        var pieces = Pieces(value);
        return pieces.All(p => p.Literal is not null) ? string.Concat(pieces.Select(p => p.Literal)) : null;
    }

    /// <summary>
    /// The value cut at each <c>/</c> in its literal text: a child resource's name is <c>parent/child</c>. Each segment is
    /// its literal text when known, else its expression text (the same expression names the same parent).
    /// </summary>
    public IReadOnlyList<string> Segments(string value, out bool allLiteral)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var literal = true;
        allLiteral = true;
        foreach (var piece in Pieces(value))
        {
            if (piece.Literal is null)
            {
                current.Append(piece.Text);
                literal = false;
                continue;
            }

            var parts = piece.Literal.Split('/');
            current.Append(parts[0]);
            for (var i = 1; i < parts.Length; i++)
            {
                segments.Add(current.ToString());
                allLiteral &= literal;
                current.Clear().Append(parts[i]);
                literal = true;
            }
        }

        segments.Add(current.ToString());
        allLiteral &= literal;
        return segments;
    }

    /// <summary>Whether a template string is an expression (<c>[…]</c>; <c>[[</c> escapes a literal bracket).</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    private List<Piece> Pieces(string value)
    {
        if (!IsExpression(value))
        {
            return [new Piece(value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value, value)];
        }

        var body = value[1..^1].Trim();
        if (body.Length > MaxLength)
        {
            return [new Piece(null, body)];
        }

        var reader = new Reader(body);
        var pieces = Parse(ref reader, 0);
        reader.SkipSpace();
        return pieces is not null && reader.AtEnd ? pieces : [new Piece(null, body)];
    }

    // expression := literal | call ; call := name '(' [expression {',' expression}] ')' ; anything after (a property
    // access, an index) makes the whole expression opaque.
    private List<Piece>? Parse(ref Reader reader, int depth)
    {
        reader.SkipSpace();
        var start = reader.Position;
        if (depth > MaxDepth)
        {
            return null;
        }

        if (reader.Peek == '\'')
        {
            return reader.ReadString() is { } literal ? [new Piece(literal, reader.Since(start))] : null;
        }

        var name = reader.ReadName();
        if (name.Length == 0 || !reader.Take('('))
        {
            return null;
        }

        var args = new List<List<Piece>>();
        reader.SkipSpace();
        if (!reader.Take(')'))
        {
            do
            {
                if (Parse(ref reader, depth + 1) is not { } arg)
                {
                    return null;
                }

                args.Add(arg);
                reader.SkipSpace();
            }
            while (reader.Take(','));

            if (!reader.Take(')'))
            {
                return null;
            }
        }

        var text = reader.Since(start);
        if (reader.Peek is '.' or '[')
        {
            return null;
        }

        return name.ToLowerInvariant() switch
        {
            "parameters" => Lookup(_parameters, args, text, "defaultValue"),
            "variables" => Lookup(_variables, args, text, null),
            "concat" => [.. args.SelectMany(a => a)],
            "format" when args.Count > 0 && Joined(args[0]) is { } format => Format(format, args, text),
            _ => [new Piece(null, text)],
        };
    }

    private static List<Piece> Lookup(JsonObject? table, List<List<Piece>> args, string text, string? member)
    {
        if (args.Count != 1 || Joined(args[0]) is not { } key || table?[key] is not { } entry)
        {
            return [new Piece(null, text)];
        }

        var value = member is null ? entry : (entry as JsonObject)?[member];
        return value is JsonValue v && v.TryGetValue<string>(out var s) && !IsExpression(s)
            ? [new Piece(s.StartsWith("[[", StringComparison.Ordinal) ? s[1..] : s, text)]
            : [new Piece(null, text)];
    }

    private static List<Piece> Format(string format, List<List<Piece>> args, string text)
    {
        var pieces = new List<Piece>();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var close = format[i] == '{' ? format.IndexOf('}', i) : -1;
            if (close > i && int.TryParse(format.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (index + 1 >= args.Count)
                {
                    return [new Piece(null, text)];
                }

                if (literal.Length > 0)
                {
                    pieces.Add(new Piece(literal.ToString(), literal.ToString()));
                    literal.Clear();
                }

                pieces.AddRange(args[index + 1]);
                i = close;
            }
            else
            {
                literal.Append(format[i]);
            }
        }

        if (literal.Length > 0)
        {
            pieces.Add(new Piece(literal.ToString(), literal.ToString()));
        }

        return pieces;
    }

    private static string? Joined(List<Piece> pieces) =>
        pieces.All(p => p.Literal is not null) ? string.Concat(pieces.Select(p => p.Literal)) : null;

    private ref struct Reader(string text)
    {
        private readonly string _text = text;

        public int Position { get; private set; }

        public readonly bool AtEnd => Position >= _text.Length;

        public readonly char Peek => AtEnd ? '\0' : _text[Position];

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(_text[Position]))
            {
                Position++;
            }
        }

        public bool Take(char c)
        {
            SkipSpace();
            if (Peek != c)
            {
                return false;
            }

            Position++;
            return true;
        }

        public string ReadName()
        {
            var start = Position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(_text[Position]) || _text[Position] is '_' or '.'))
            {
                Position++;
            }

            return _text[start..Position];
        }

        /// <summary>A single-quoted string, <c>''</c> standing for one quote; null when it does not end.</summary>
        public string? ReadString()
        {
            var value = new StringBuilder();
            Position++;
            while (!AtEnd)
            {
                var c = _text[Position++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (Peek == '\'')
                {
                    value.Append('\'');
                    Position++;
                }
                else
                {
                    return value.ToString();
                }
            }

            return null;
        }

        public readonly string Since(int start) => _text[start..Position];
    }
}
