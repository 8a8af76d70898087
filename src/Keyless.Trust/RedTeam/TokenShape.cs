namespace Keyless.Trust.RedTeam;

/// <summary>Whose project the token names (the <c>job_project_*</c> claims name where the job runs).</summary>
public sealed record ProjectShape(string Id, string Path, string NamespaceId, string NamespacePath,
                                  string JobId, string JobPath, string JobNamespaceId, string JobNamespacePath);

/// <summary>The ref the pipeline runs for; <c>ref_path</c> follows from type and name.</summary>
public sealed record RefShape(string Type, string Name, bool Protected)
{
    public string RefPath => (Type == "tag" ? "refs/tags/" : "refs/heads/") + Name;
}

/// <summary>The job's <c>environment:</c>, or none (then GitLab sends no environment claims at all).</summary>
public sealed record EnvShape(string? Name, bool Protected, string? Tier)
{
    public static EnvShape None { get; } = new(null, false, null);
}

/// <summary>The user who triggers the pipeline.</summary>
public sealed record UserShape(string Login, string Email, string Id, string AccessLevel);

/// <summary>One candidate token, dimension by dimension.</summary>
public sealed record TokenShape(ProjectShape Project, RefShape Ref, EnvShape Env, string PipelineSource, UserShape User,
                                string RunnerEnvironment, IReadOnlyList<string> Components);
