namespace Keyless.GitLab.Pipeline;

/// <summary>A YAML sequence.</summary>
public sealed class PipelineSequence : PipelineNode
{
    public PipelineSequence(IReadOnlyList<PipelineNode> items, SourceLocation location, string? tag = null)
        : base(location, tag)
    {
        Items = items;
    }

    public IReadOnlyList<PipelineNode> Items { get; }
}
