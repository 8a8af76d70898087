namespace Keyless.GitLab.Pipeline;

/// <summary>A scalar: every GitLab value is read as its text, as GitLab's own keywords mostly take strings.</summary>
public sealed class PipelineScalar : PipelineNode
{
    public PipelineScalar(string value, ScalarStyle style, SourceLocation location, string? tag = null, IReadOnlyList<string>? unresolved = null)
        : base(location, tag)
    {
        Value = value;
        Style = style;
        Unresolved = unresolved ?? [];
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>
    /// What this value depends on that is not known where it was read, each named for people ("input 'rules'",
    /// "!reference [.setup, script]"): an input with no default and none given (its <c>$[[ inputs.name ]]</c> block
    /// is still in <see cref="Value"/>), or a reference into an include that was not read. Whatever depends on such a
    /// value is unknown: neither a gate nor a pass.
    /// </summary>
    public IReadOnlyList<string> Unresolved { get; }

    public bool IsUnknown => Unresolved.Count > 0;

    /// <summary>YAML's plain null (<c>key:</c>, <c>~</c>, <c>null</c>), which GitLab treats as "not set".</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// The text split into lines, each with its line in the file. Exact for literal blocks (<c>|</c>), whose content
    /// starts on the line after the indicator and keeps its line breaks; other styles fold lines, so every line
    /// is reported at the scalar's start.
    /// </summary>
    public IEnumerable<(string Text, int Line)> Lines()
    {
        var lines = Value.Split('\n');
        var count = lines.Length;
        if (count > 1 && lines[^1].Length == 0)
        {
            count--;
        }

        for (var i = 0; i < count; i++)
        {
            yield return (lines[i], LineOf(i));
        }
    }

    /// <summary>The file line of the text's 0-based line <paramref name="textLine"/> (see <see cref="Lines"/>).</summary>
    public int LineOf(int textLine) => Style == ScalarStyle.Literal ? Location.Line + 1 + textLine : Location.Line;

    public override string ToString() => Value;
}
