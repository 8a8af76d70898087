namespace Keyless.GitLab.Pipeline;

/// <summary>
/// One <c>id_tokens:</c> entry of a job: the variable name the JWT lands in and its <c>aud</c> values (a string or a
/// list, possibly with <c>$VARIABLES</c>). <see cref="FromDefault"/> is true when the job got it from <c>default:</c>.
/// </summary>
public sealed record IdToken(string Name, SourceLocation Location, IReadOnlyList<PipelineScalar> Audiences, bool FromDefault);
