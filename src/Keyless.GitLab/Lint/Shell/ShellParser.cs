using System.Text;

namespace Keyless.GitLab.Lint.Shell;

/// <summary>
/// A small POSIX-shell reader, enough to follow a value through a CI script: words and quotes, <c>$VAR</c> and
/// <c>${VAR…}</c>, <c>$(…)</c> and backticks, pipes, lists, redirections, here-strings and here-documents, comments
/// and line continuations. It never fails: what it does not understand reads as plain words. Linear in the input;
/// command substitutions nest at most <see cref="MaxNesting"/> deep (deeper ones are skipped, not recursed into).
/// </summary>
internal sealed class ShellParser
{
    private const int MaxNesting = 16;

    private readonly string _text;
    private readonly int[] _lineStarts;
    private readonly Func<int, int> _fileLine;
    private readonly List<(int Start, int End)> _hereDocBodies = [];
    private int _pos;

    private ShellParser(string text, Func<int, int> fileLine)
    {
        _text = text;
        _fileLine = fileLine;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="fileLine"/> maps a 0-based line of the text to a file line.</summary>
    public static ShellScript Parse(string text, Func<int, int> fileLine) => new ShellParser(text, fileLine).ParseList(null, 0);

    public static ShellScript Parse(string text) => Parse(text, i => i + 1);

    private bool AtEnd => _pos >= _text.Length;

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private ShellScript ParseList(char? terminator, int nesting)
    {
        var pipelines = new List<ShellPipeline>();
        while (true)
        {
            SkipBlanks();
            if (AtEnd)
            {
                break;
            }

            var c = Peek();
            if (terminator is { } end && c == end)
            {
                _pos++;
                break;
            }

            switch (c)
            {
                case '#':
                    SkipComment();
                    continue;
                case '\n':
                    NewLine();
                    continue;
                case ';' or '&' or '|' or '(' or ')' or '{' or '}':
                    // Separators and grouping: the commands around them are read on their own.
                    _pos++;
                    continue;
            }

            var pipeline = ParsePipeline(terminator, nesting);
            if (pipeline.Commands.Count > 0)
            {
                pipelines.Add(pipeline);
            }
        }

        return new ShellScript(pipelines);
    }

    private ShellPipeline ParsePipeline(char? terminator, int nesting)
    {
        var commands = new List<ShellCommand>();
        while (true)
        {
            var start = _pos;
            var command = ParseCommand(terminator, nesting);
            if (command.Words.Count > 0 || command.Assignments.Count > 0 || command.Redirects.Count > 0)
            {
                commands.Add(command);
            }

            SkipBlanks();
            if (Peek() == '|' && Peek(1) != '|')
            {
                _pos += Peek(1) == '&' ? 2 : 1;
                continue;
            }

            if (_pos == start && !AtEnd && Peek() is not ('\n' or ';' or '&' or '|' or '#') && Peek() != terminator)
            {
                _pos++; // never loop on a character nothing consumed
            }

            return new ShellPipeline(commands);
        }
    }

    private ShellCommand ParseCommand(char? terminator, int nesting)
    {
        var line = FileLineAt(_pos);
        var assignments = new List<ShellWord>();
        var words = new List<ShellWord>();
        var redirects = new List<ShellRedirect>();
        while (true)
        {
            SkipBlanks();
            if (AtEnd)
            {
                break;
            }

            var c = Peek();
            if (c == terminator || c is '\n' or ';' or '|' or '(' or ')' || (c == '&' && Peek(1) != '>') || c == '#')
            {
                break;
            }

            if (TryRedirect(nesting) is { } redirect)
            {
                redirects.Add(redirect);
                continue;
            }

            var isAssignment = words.Count == 0 && LooksLikeAssignment();
            var word = ParseWord(terminator, nesting);
            if (word.Text.Length == 0 && !word.HasExpansion)
            {
                continue;
            }

            (isAssignment ? assignments : words).Add(word);
        }

        return new ShellCommand(assignments, words, redirects, line);
    }

    private ShellRedirect? TryRedirect(int nesting)
    {
        var start = _pos;
        int? fd = null;
        var digits = 0;
        while (char.IsAsciiDigit(Peek(digits)))
        {
            digits++;
        }

        if (digits > 0 && Peek(digits) is '>' or '<')
        {
            fd = int.TryParse(_text.AsSpan(_pos, digits), out var n) ? n : null;
            _pos += digits;
        }

        string? op = null;
        foreach (var candidate in new[] { "&>>", "&>", "<<<", "<<-", "<<", ">>", ">|", ">&", "<&", ">", "<" })
        {
            if (string.CompareOrdinal(_text, _pos, candidate, 0, candidate.Length) == 0)
            {
                op = candidate;
                break;
            }
        }

        if (op is null)
        {
            _pos = start;
            return null;
        }

        _pos += op.Length;
        SkipBlanks();
        if (op is "<<" or "<<-")
        {
            var delimiterStart = _pos;
            var delimiter = ParseWord(null, MaxNesting);
            var quoted = _text.AsSpan(delimiterStart, _pos - delimiterStart).IndexOfAny("'\"\\") >= 0;
            return new ShellRedirect(op, HereDocument(delimiter.Text, op == "<<-", expand: !quoted, nesting), fd);
        }

        var target = ParseWord(null, nesting);
        if (op is ">&" or "<&")
        {
            target = target with { Text = "&" + target.Text };
            op = op[..1];
        }

        return new ShellRedirect(op, target, fd);
    }

    /// <summary>Reads a here-document's body (it starts on the next line) and marks it so the list reader skips it.</summary>
    private ShellWord HereDocument(string delimiter, bool stripTabs, bool expand, int nesting)
    {
        var bodyStart = _text.IndexOf('\n', _pos);
        foreach (var (start, end) in _hereDocBodies)
        {
            // A second here-document on the same line starts after the first one's body.
            if (bodyStart + 1 == start)
            {
                bodyStart = end - 1;
            }
        }

        if (bodyStart < 0)
        {
            return new ShellWord(string.Empty, [], []);
        }

        var body = new StringBuilder();
        var at = bodyStart + 1;
        while (at < _text.Length)
        {
            var lineEnd = _text.IndexOf('\n', at);
            var lineText = _text[at..(lineEnd < 0 ? _text.Length : lineEnd)];
            at = lineEnd < 0 ? _text.Length : lineEnd + 1;
            if ((stripTabs ? lineText.TrimStart('\t') : lineText) == delimiter)
            {
                break;
            }

            body.Append(lineText).Append('\n');
        }

        _hereDocBodies.Add((bodyStart + 1, at));
        var text = body.ToString();
        if (!expand)
        {
            return new ShellWord(text, [], []);
        }

        // The body expands like a double-quoted string.
        var inner = new ShellParser(text, i => _fileLine(LineIndexAt(bodyStart + 1) + i));
        return inner.ParseQuotedBody(nesting);
    }

    private ShellWord ParseQuotedBody(int nesting)
    {
        var text = new StringBuilder();
        var variables = new List<string>();
        var substitutions = new List<ShellScript>();
        while (!AtEnd)
        {
            var c = Peek();
            if (c == '\\' && Peek(1) is '$' or '`' or '\\')
            {
                text.Append(Peek(1));
                _pos += 2;
            }
            else if (c == '$')
            {
                _pos++;
                ParseDollar(text, variables, substitutions, nesting);
            }
            else if (c == '`')
            {
                _pos++;
                substitutions.Add(ParseBackticks(nesting));
                text.Append("$(…)");
            }
            else
            {
                text.Append(c);
                _pos++;
            }
        }

        return new ShellWord(text.ToString(), variables, substitutions);
    }

    private ShellWord ParseWord(char? terminator, int nesting)
    {
        var text = new StringBuilder();
        var variables = new List<string>();
        var substitutions = new List<ShellScript>();
        while (!AtEnd)
        {
            var c = Peek();
            if (c is ' ' or '\t' or '\n' or ';' or '|' or '&' or '<' or '>' or '(' or ')' || c == terminator)
            {
                break;
            }

            _pos++;
            switch (c)
            {
                case '\\':
                    if (Peek() == '\n')
                    {
                        _pos++;
                    }
                    else if (!AtEnd)
                    {
                        text.Append(Peek());
                        _pos++;
                    }

                    break;
                case '\'':
                    var close = _text.IndexOf('\'', _pos);
                    var end = close < 0 ? _text.Length : close;
                    text.Append(_text, _pos, end - _pos);
                    _pos = Math.Min(end + 1, _text.Length);
                    break;
                case '"':
                    ParseDoubleQuoted(text, variables, substitutions, nesting);
                    break;
                case '$':
                    ParseDollar(text, variables, substitutions, nesting);
                    break;
                case '`':
                    substitutions.Add(ParseBackticks(nesting));
                    text.Append("$(…)");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return new ShellWord(text.ToString(), variables, substitutions);
    }

    private void ParseDoubleQuoted(StringBuilder text, List<string> variables, List<ShellScript> substitutions, int nesting)
    {
        while (!AtEnd)
        {
            var c = Peek();
            _pos++;
            switch (c)
            {
                case '"':
                    return;
                case '\\' when Peek() is '"' or '\\' or '$' or '`' or '\n':
                    if (Peek() != '\n')
                    {
                        text.Append(Peek());
                    }

                    _pos++;
                    break;
                case '$':
                    ParseDollar(text, variables, substitutions, nesting);
                    break;
                case '`':
                    substitutions.Add(ParseBackticks(nesting));
                    text.Append("$(…)");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
    }

    /// <summary>After a <c>$</c>: a name, <c>${…}</c>, <c>$(…)</c>, <c>$((…))</c> or a special parameter.</summary>
    private void ParseDollar(StringBuilder text, List<string> variables, List<ShellScript> substitutions, int nesting)
    {
        var c = Peek();
        if (c == '{')
        {
            var close = _text.IndexOf('}', _pos);
            var end = close < 0 ? _text.Length : close;
            var inner = _text.AsSpan(_pos + 1, end - _pos - 1).TrimStart("#!");
            var length = 0;
            while (length < inner.Length && (char.IsAsciiLetterOrDigit(inner[length]) || inner[length] == '_'))
            {
                length++;
            }

            var name = inner[..length].ToString();
            if (name.Length > 0)
            {
                variables.Add(name);
            }

            // A plain ${NAME} reads as $NAME; an operation on it (${NAME:0:5}, ${NAME//./ }) keeps its text.
            text.Append(length == inner.Length ? "$" + name : "${" + _text[(_pos + 1)..end] + "}");
            _pos = Math.Min(end + 1, _text.Length);
        }
        else if (c == '(' && Peek(1) == '(')
        {
            SkipBalanced();
            text.Append("$((…))");
        }
        else if (c == '(')
        {
            _pos++;
            if (nesting + 1 >= MaxNesting)
            {
                _pos--;
                SkipBalanced();
            }
            else
            {
                substitutions.Add(ParseList(')', nesting + 1));
            }

            text.Append("$(…)");
        }
        else if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = _pos;
            while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
            {
                _pos++;
            }

            var name = _text[start.._pos];
            variables.Add(name);
            text.Append('$').Append(name);
        }
        else if (char.IsAsciiDigit(c) || c is '?' or '$' or '@' or '*' or '#' or '!' or '-')
        {
            text.Append('$').Append(c);
            _pos++;
        }
        else
        {
            text.Append('$');
        }
    }

    private ShellScript ParseBackticks(int nesting)
    {
        var close = _pos;
        while (close < _text.Length && _text[close] != '`')
        {
            close += _text[close] == '\\' ? 2 : 1;
        }

        close = Math.Min(close, _text.Length);
        var inner = _text[_pos..close];
        var lineOffset = LineIndexAt(_pos);
        _pos = Math.Min(close + 1, _text.Length);
        return nesting + 1 >= MaxNesting
            ? ShellScript.Empty
            : new ShellParser(inner, i => _fileLine(lineOffset + i)).ParseList(null, nesting + 1);
    }

    /// <summary>Skips from an opening parenthesis to its match, counting (not recursing).</summary>
    private void SkipBalanced()
    {
        var depth = 0;
        while (!AtEnd)
        {
            var c = Peek();
            _pos++;
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return;
            }
        }
    }

    private bool LooksLikeAssignment()
    {
        var i = _pos;
        if (i >= _text.Length || !(char.IsAsciiLetter(_text[i]) || _text[i] == '_'))
        {
            return false;
        }

        while (i < _text.Length && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] == '_'))
        {
            i++;
        }

        return i < _text.Length && (_text[i] == '=' || (_text[i] == '+' && i + 1 < _text.Length && _text[i + 1] == '='));
    }

    private void SkipBlanks()
    {
        while (!AtEnd)
        {
            if (Peek() is ' ' or '\t' or '\r')
            {
                _pos++;
            }
            else if (Peek() == '\\' && Peek(1) == '\n')
            {
                _pos += 2;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipComment()
    {
        while (!AtEnd && Peek() != '\n')
        {
            _pos++;
        }
    }

    private void NewLine()
    {
        _pos++;
        foreach (var (start, end) in _hereDocBodies)
        {
            if (_pos == start)
            {
                _pos = end;
            }
        }
    }

    private int LineIndexAt(int position)
    {
        var index = Array.BinarySearch(_lineStarts, position);
        return index >= 0 ? index : ~index - 1;
    }

    private int FileLineAt(int position) => _fileLine(LineIndexAt(position));
}
