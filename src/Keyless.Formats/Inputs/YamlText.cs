using Keyless.Trust.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Keyless.Formats.Inputs;

/// <summary>
/// Loads YAML text safely, for every reader of YAML (claims, keyless.yml, intent files, pipelines): nesting is checked
/// on the event stream first, iteratively, because YamlDotNet's loader is recursive (and quadratic in depth); every
/// way YamlDotNet fails on bad input (<see cref="YamlException"/>, and the <see cref="InvalidOperationException"/> or
/// <see cref="ArgumentException"/> it throws for some malformed text, e.g. an entry with no key) becomes an
/// <see cref="InputException"/> with the place.
/// </summary>
public static class YamlText
{
    /// <summary>Deeper than any real claims or intent file.</summary>
    public const int MaxDepth = 64;

    /// <param name="source">The file (or option) named in errors.</param>
    /// <param name="text">The YAML text.</param>
    /// <param name="invalid">How an error starts, e.g. "not valid YAML".</param>
    /// <param name="tooDeep">The message for nesting deeper than <paramref name="maxDepth"/>.</param>
    /// <param name="maxDepth">How many mappings and sequences may nest.</param>
    public static YamlStream Load(string source, string text, string invalid, string tooDeep, int maxDepth = MaxDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckNesting(source, text, invalid, tooDeep, maxDepth);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException(source, $"{invalid}: {Clean(e)}", checked((int)e.Start.Line), checked((int)e.Start.Column));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input; CheckNesting normally meets it first.
            throw new InputException(source, $"{invalid}: the YAML loader could not read it (check unclosed [ or {{)");
        }
        catch (ArgumentException)
        {
            // YamlDotNet's loader throws this for an event it does not expect, e.g. an entry with no key (`a:\n : b`).
            throw new InputException(source, $"{invalid}: a mapping entry has no key the loader can read");
        }

        return stream;
    }

    /// <summary>
    /// The parser's events, for readers that compose the tree themselves (the pipeline reader keeps duplicate keys, as
    /// GitLab's YAML loader does, where <see cref="YamlStream"/> refuses them). Nesting is checked as the events come;
    /// every way the parser fails is an <see cref="InputException"/> with the place, as in <see cref="Load"/>.
    /// </summary>
    public static IEnumerable<ParsingEvent> Events(string source, string text, string invalid, string tooDeep, int maxDepth = MaxDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var last = Mark.Empty;
        while (Next(parser, source, text, invalid, last) is { } current)
        {
            last = current.End;
            if (current is SequenceStart or MappingStart && ++depth > maxDepth)
            {
                throw new InputException(source, tooDeep, (int)current.Start.Line, (int)current.Start.Column);
            }

            if (current is SequenceEnd or MappingEnd)
            {
                depth--;
            }

            yield return current;
        }
    }

    // One step of the parser, outside the iterator: C# allows no yield inside a try with catch clauses.
    private static ParsingEvent? Next(Parser parser, string source, string text, string invalid, Mark last)
    {
        try
        {
            return parser.MoveNext() ? parser.Current : null;
        }
        catch (YamlException e)
        {
            var message = Clean(e);
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndentation(text, (int)last.Line) is { } tab)
            {
                throw new InputException(source, $"{invalid}: {message}", tab.Line, tab.Column);
            }

            throw new InputException(source, $"{invalid}: {message}", checked((int)e.Start.Line), checked((int)e.Start.Column));
        }
        catch (InvalidOperationException)
        {
            // Thrown (not a YamlException) for some malformed input, such as an unterminated flow sequence followed by
            // a plain scalar; the last event read is the nearest place.
            throw new InputException(source, $"{invalid}: unexpected content after this point", (int)last.Line, (int)last.Column);
        }
    }

    // Every event is read once before the loader, which is recursive in YamlDotNet, meets the text.
    private static void CheckNesting(string source, string text, string invalid, string tooDeep, int maxDepth)
    {
        foreach (var _ in Events(source, text, invalid, tooDeep, maxDepth))
        {
        }
    }

    // YamlDotNet marks a tab used as indentation at the start of the mapping it was scanning (1:1 for a top-level
    // one); GitLab's parser names the tab itself. It is on the first line, from the last event read on, whose
    // indentation holds a tab before the line's content.
    private static (int Line, int Column)? TabIndentation(string text, int fromLine)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            if (line >= fromLine)
            {
                var i = start;
                while (i < end && text[i] == ' ')
                {
                    i++;
                }

                if (i < end && text[i] == '\t' && text.AsSpan(i, end - i).Trim().Length > 0)
                {
                    return (line, i - start + 1);
                }
            }

            line++;
            start = end + 1;
        }

        return null;
    }

    // The innermost message, without YamlDotNet's own "Line: .., Col: .." suffix: the InputException says where.
    private static string Clean(YamlException e)
    {
        while (e.InnerException is YamlException inner)
        {
            e = inner;
        }

        var message = e.Message;
        var cut = message.IndexOf(" Line: ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
    }
}
