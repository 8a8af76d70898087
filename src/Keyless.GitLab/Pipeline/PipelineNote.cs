namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Something GitLab accepts that changes what the lint could see or how it read it, with its place: a repeated key
/// (the last one counts), an include that was not read, an input with no value. Not a warning: GitLab runs the
/// pipeline all the same.
/// </summary>
public sealed record PipelineNote(string Message, SourceLocation Location)
{
    public override string ToString() => $"{Location}: {Message}";
}
