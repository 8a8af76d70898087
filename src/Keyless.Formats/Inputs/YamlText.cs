using Keyless.Trust.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Keyless.Formats.Inputs;

/// <summary>
/// Loads a small YAML text (claims, keyless.yml) safely: nesting is checked on the event stream first, iteratively,
/// because YamlDotNet's loader is recursive (and quadratic in depth); every way YamlDotNet fails on bad input
/// (<see cref="YamlException"/>, and the <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/>
/// it throws for some malformed text, e.g. an entry with no key) becomes an <see cref="InputException"/> with the place.
/// </summary>
public static class YamlText
{
    /// <summary>Deeper than any real claims or intent file.</summary>
    public const int MaxDepth = 64;

    /// <param name="source">The file (or option) named in errors.</param>
    /// <param name="text">The YAML text.</param>
    /// <param name="invalid">How an error starts, e.g. "not valid YAML".</param>
    /// <param name="tooDeep">The message for nesting deeper than <see cref="MaxDepth"/>.</param>
    public static YamlStream Load(string source, string text, string invalid, string tooDeep)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            CheckNesting(source, text, tooDeep);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InputException(source, $"{invalid}: {Innermost(e).Message}", checked((int)e.Start.Line), checked((int)e.Start.Column));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new InputException(source, $"{invalid}: the YAML loader could not read it (check unclosed [ or {{, and entries without a key)");
        }

        return stream;
    }

    private static void CheckNesting(string source, string text, string tooDeep)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is SequenceStart or MappingStart && ++depth > MaxDepth)
            {
                throw new InputException(source, tooDeep, (int)parser.Current.Start.Line, (int)parser.Current.Start.Column);
            }

            if (parser.Current is SequenceEnd or MappingEnd)
            {
                depth--;
            }
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;
}
