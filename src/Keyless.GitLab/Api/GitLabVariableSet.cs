namespace Keyless.GitLab.Api;

/// <summary>The variables of one owner, with where they were read from.</summary>
/// <param name="Level">Project, group or instance.</param>
/// <param name="Owner">The project or group path or id; null for the instance (or an export that does not say).</param>
/// <param name="Source">The API URL or export file they came from (the finding location).</param>
/// <param name="SourcePath">The JSON path of the array inside <paramref name="Source"/> (<c>$</c> or <c>$.project</c>).</param>
/// <param name="Variables">The variables, in API order.</param>
public sealed record GitLabVariableSet(
    VariableLevel Level,
    string? Owner,
    string Source,
    string SourcePath,
    IReadOnlyList<GitLabVariable> Variables);
