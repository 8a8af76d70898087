namespace Keyless.GitLab.Pipeline;

/// <summary>
/// One <c>include:</c> entry as written. <see cref="Target"/> is the local path, the URL, the project path, the template
/// name or the component address (with its <c>@version</c>); <see cref="Ref"/> is a project include's <c>ref:</c>.
/// </summary>
public sealed record PipelineInclude(
    IncludeKind Kind,
    string Target,
    SourceLocation Location,
    string? Ref = null,
    string? Integrity = null,
    IReadOnlyList<string>? Files = null);
