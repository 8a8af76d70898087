using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint.Flow;

/// <summary>One thing that happened to a secret in a job's scripts, with the line that did it.</summary>
internal sealed record FlowEvent(FlowEventKind Kind, Taint? Taint, SourceLocation Location, string? File = null, string? Detail = null);
