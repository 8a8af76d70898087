namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Where <c>include: local</c> paths start. GitLab resolves them from the repository root; by default that is the
/// folder of the entry file (where <c>.gitlab-ci.yml</c> normally lives).
/// </summary>
public sealed record PipelineReaderOptions(string? ProjectRoot = null);
