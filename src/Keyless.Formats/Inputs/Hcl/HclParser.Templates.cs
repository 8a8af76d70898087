using System.Text;

namespace Keyless.Formats.Inputs.Hcl;

/// <summary>Templates: quoted strings, heredocs and the strings of HCL's JSON syntax (a <c>.tf.json</c> value).</summary>
internal sealed partial class HclParser
{
    /// <summary>
    /// A JSON-syntax string read as the template it is: literal text with <c>${…}</c> and <c>%{…}</c>, where
    /// <c>$${</c> and <c>%%{</c> are a literal <c>${</c> and <c>%{</c>. Throws an InputException for bad syntax.
    /// </summary>
    public static HclTemplate ParseTemplate(string file, string text)
    {
        var parser = new HclParser(file, text);
        parser._newlines.Push(false);
        var parts = parser.Parts(quoted: false, byLine: false);
        return new HclTemplate(0, text.Length, Merge(parts));
    }

    /// <summary>A quoted template; the lexer is just past the opening quote.</summary>
    private HclTemplate Template(int start, bool quoted)
    {
        Enter(start);
        var parts = Parts(quoted, byLine: false);
        Leave();
        return new HclTemplate(start, _lexer.Position, Merge(parts));
    }

    private HclTemplate Heredoc()
    {
        var open = Next();
        var text = _lexer.Text;
        var at = open.End;
        var flush = at < text.Length && text[at] == '-';
        var markerStart = flush ? at + 1 : at;
        var markerEnd = markerStart;
        while (markerEnd < text.Length && (char.IsLetterOrDigit(text[markerEnd]) || text[markerEnd] is '_' or '-'))
        {
            markerEnd++;
        }

        var lineEnd = markerEnd < text.Length && text[markerEnd] == '\r' ? markerEnd + 1 : markerEnd;
        if (markerEnd == markerStart || lineEnd >= text.Length || text[lineEnd] != '\n')
        {
            throw _lexer.Error(open.Start, "a heredoc opens with <<MARKER or <<-MARKER at the end of its line");
        }

        _lexer.Position = lineEnd + 1;
        var (_, contentEnd, after) = _lexer.HeredocExtent(text[markerStart..markerEnd], open.Start);
        var limit = _lexer.Limit;
        _lexer.Limit = contentEnd;
        Enter(open.Start);
        var parts = Parts(quoted: false, byLine: true);
        Leave();
        _lexer.Limit = limit;
        _lexer.Position = after;
        if (flush)
        {
            Flush(parts);
        }

        return new HclTemplate(open.Start, after, Merge(parts));
    }

    private List<HclTemplatePart> Parts(bool quoted, bool byLine)
    {
        var parts = new List<HclTemplatePart>();
        var strips = new List<(int Index, bool Before, bool After)>();
        var literal = new StringBuilder();
        while (true)
        {
            var stop = quoted ? _lexer.ReadQuotedLiteral(literal) : _lexer.ReadRawLiteral(literal, byLine);
            if (literal.Length > 0)
            {
                parts.Add(new HclTemplateText(literal.ToString()));
                literal.Clear();
            }

            switch (stop)
            {
                case HclTemplateStop.CloseQuote:
                    _lexer.Position++;
                    Strip(parts, strips);
                    return parts;
                case HclTemplateStop.End:
                    Strip(parts, strips);
                    return parts;
                case HclTemplateStop.LineEnd:
                    continue;
            }

            var at = _lexer.Position;
            _lexer.Position += 2;
            Enter(at);
            _newlines.Push(false);
            var before = Accept(HclTokenKind.Tilde);
            HclTemplatePart part = stop == HclTemplateStop.Interpolation ? new HclTemplateInterpolation(Expression()) : Directive();
            var after = Accept(HclTokenKind.Tilde);
            Expect(HclTokenKind.CloseBrace, stop == HclTemplateStop.Interpolation ? "'}' to close ${" : "'}' to close %{");
            _newlines.Pop();
            Leave();
            if (before || after)
            {
                strips.Add((parts.Count, before, after));
            }

            parts.Add(part);
        }
    }

    /// <summary>The inside of <c>%{ … }</c>, checked and normalised as hcl2json writes it (<c>%{if cond}</c>).</summary>
    private HclTemplateDirective Directive()
    {
        var keyword = Expect(HclTokenKind.Identifier, "if, else, endif, for or endfor after %{");
        var word = _lexer.TextOf(keyword);
        switch (word)
        {
            case "if":
                return new HclTemplateDirective("%{if " + Source(_lexer.Text, Expression()) + "}");
            case "else" or "endif" or "endfor":
                return new HclTemplateDirective("%{" + word + "}");
            case "for":
                var names = _lexer.TextOf(Expect(HclTokenKind.Identifier, "a variable name after for"));
                if (Accept(HclTokenKind.Comma))
                {
                    names += ", " + _lexer.TextOf(Expect(HclTokenKind.Identifier, "a second variable name"));
                }

                if (Peek() is not { Kind: HclTokenKind.Identifier } inWord || _lexer.TextOf(inWord) != "in")
                {
                    throw Unexpected(Peek(), "'in'");
                }

                Next();
                return new HclTemplateDirective($"%{{for {names} in {Source(_lexer.Text, Expression())}}}");
            default:
                throw _lexer.Error(keyword.Start, $"unknown template directive '{word}' (if, else, endif, for, endfor)");
        }
    }

    /// <summary>The <c>~</c> strip markers: remove the whitespace of the literal text beside them.</summary>
    private static void Strip(List<HclTemplatePart> parts, List<(int Index, bool Before, bool After)> strips)
    {
        foreach (var (index, before, after) in strips)
        {
            if (before && index > 0 && parts[index - 1] is HclTemplateText previous)
            {
                parts[index - 1] = new HclTemplateText(previous.Text.TrimEnd());
            }

            if (after && index + 1 < parts.Count && parts[index + 1] is HclTemplateText next)
            {
                parts[index + 1] = new HclTemplateText(next.Text.TrimStart());
            }
        }
    }

    /// <summary>
    /// <c>&lt;&lt;-</c>: removes the smallest indentation of the content's lines from each line, as HCL does
    /// (a line of only spaces does not count; a line that starts with an interpolation has none).
    /// </summary>
    private static void Flush(List<HclTemplatePart> parts)
    {
        var least = int.MaxValue;
        var adjust = new List<int>();
        var lineStart = true;
        for (var i = 0; i < parts.Count; i++)
        {
            var text = (parts[i] as HclTemplateText)?.Text;
            if (lineStart)
            {
                lineStart = false;
                if (text is null)
                {
                    least = 0;
                }
                else
                {
                    var indent = text.Length - text.TrimStart().Length;
                    if (indent < text.Length || !text.EndsWith('\n'))
                    {
                        least = Math.Min(least, indent);
                        adjust.Add(i);
                    }
                }
            }

            lineStart = text is not null && text.EndsWith('\n');
        }

        if (least is 0 or int.MaxValue)
        {
            return;
        }

        foreach (var i in adjust)
        {
            parts[i] = new HclTemplateText(((HclTemplateText)parts[i]).Text[least..]);
        }
    }

    /// <summary>Joins neighbouring literal text (a heredoc is read line by line) in one pass, and drops empty text.</summary>
    private static List<HclTemplatePart> Merge(List<HclTemplatePart> parts)
    {
        var merged = new List<HclTemplatePart>(parts.Count);
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is HclTemplateText literal)
            {
                text.Append(literal.Text);
                continue;
            }

            if (text.Length > 0)
            {
                merged.Add(new HclTemplateText(text.ToString()));
                text.Clear();
            }

            merged.Add(part);
        }

        if (text.Length > 0)
        {
            merged.Add(new HclTemplateText(text.ToString()));
        }

        return merged;
    }
}
