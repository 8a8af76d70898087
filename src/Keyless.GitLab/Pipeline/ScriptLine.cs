namespace Keyless.GitLab.Pipeline;

/// <summary>One line of shell a job runs, from <c>before_script</c>, <c>script</c>, <c>after_script</c> or a hook.</summary>
public sealed record ScriptLine(string Text, SourceLocation Location, string Section);
