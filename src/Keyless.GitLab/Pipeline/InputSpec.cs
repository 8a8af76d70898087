namespace Keyless.GitLab.Pipeline;

/// <summary>
/// One input a file declares under <c>spec:inputs</c>: its type (<c>string</c> unless told), its default when it has
/// one (an input without <c>default:</c> is required), and its <c>options:</c>.
/// </summary>
internal sealed record InputSpec(string Name, string Type, PipelineNode? Default, bool HasDefault, PipelineSequence? Options, SourceLocation Location)
{
    /// <summary>The types GitLab's Interpolation::Inputs knows.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "string", "number", "boolean", "array" };

    public static InputSpec From(PipelineEntry entry)
    {
        // A bare `name:` is a required string input.
        var definition = entry.Value as PipelineMapping;
        return new InputSpec(
            entry.Name,
            definition?.GetScalar("type")?.Value ?? "string",
            definition?["default"],
            definition?.ContainsKey("default") == true,
            definition?.GetSequence("options"),
            entry.Key.Location);
    }
}
