namespace Keyless.GitLab.Pipeline;

/// <summary>One key and its value in a mapping; the key keeps its own place (the line a finding on a job points at).</summary>
public sealed record PipelineEntry(PipelineScalar Key, PipelineNode Value)
{
    public string Name => Key.Value;
}
