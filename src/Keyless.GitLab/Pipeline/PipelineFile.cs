namespace Keyless.GitLab.Pipeline;

/// <summary>A pipeline file to lint: where <c>include: local</c> paths start for it, and whether the user named it
/// (a named file is linted even when another one includes it).</summary>
public sealed record PipelineFile(string File, string? ProjectRoot, bool Named);
