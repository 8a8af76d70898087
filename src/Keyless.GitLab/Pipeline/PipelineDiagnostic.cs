namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Something GitLab would reject or that Keyless could not follow (an <c>extends:</c> cycle, an unknown parent, a
/// <c>!reference</c> to nothing), reported with its place; reading goes on without that piece.
/// </summary>
public sealed record PipelineDiagnostic(string Message, SourceLocation Location)
{
    public override string ToString() => $"{Location}: {Message}";
}
