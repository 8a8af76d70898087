namespace Keyless.GitLab.Pipeline;

/// <summary>Where a YAML node was written: the file it came from (the entry file or a local include) and its place.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
