namespace Keyless.GitLab.Pipeline;

/// <summary>
/// One immutable node of a pipeline's YAML after anchors, aliases and merge keys are applied. Every node keeps the
/// place it was written, so a value inherited through <c>extends:</c>, <c>default:</c> or <c>!reference</c> still
/// points at the line the user has to change.
/// </summary>
public abstract class PipelineNode
{
    private protected PipelineNode(SourceLocation location, string? tag)
    {
        Location = location;
        Tag = tag;
    }

    public SourceLocation Location { get; }

    /// <summary>The explicit local tag (<c>!reference</c>), or null when the node has none.</summary>
    public string? Tag { get; }
}
