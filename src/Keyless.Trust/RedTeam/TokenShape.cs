namespace Keyless.Trust.RedTeam;

/// <summary>
/// Whose project the token names (<c>project_*</c>, the fork in a fork's merge request pipeline) and where the job
/// runs (<c>job_project_*</c>), with the visibility GitLab reports for the job's project.
/// </summary>
public sealed record ProjectShape(string Id, string Path, string NamespaceId, string NamespacePath,
                                  string JobId, string JobPath, string JobNamespaceId, string JobNamespacePath,
                                  string Visibility);

/// <summary>The ref the pipeline runs for; <c>ref_path</c> follows from type and name.</summary>
public sealed record RefShape(string Type, string Name, bool Protected)
{
    public string RefPath => (Type == "tag" ? "refs/tags/" : "refs/heads/") + Name;
}

/// <summary>A ref and the event that ran a pipeline for it (a merge request runs only for a branch, unprotected).</summary>
public sealed record RefEvent(RefShape Ref, string PipelineSource);

/// <summary>The job's <c>environment:</c>, or none (then GitLab sends no environment claims at all).</summary>
public sealed record EnvShape(string? Name, bool Protected, string? Tier, string Action = "start")
{
    public static EnvShape None { get; } = new(null, false, null);
}

/// <summary>The user who runs the pipeline; <see cref="AccessLevel"/> is null for one who is no member of <c>project_*</c>.</summary>
public sealed record UserShape(string Login, string Email, string Id, string? AccessLevel);

/// <summary>One candidate token, dimension by dimension.</summary>
public sealed record TokenShape(ProjectShape Project, RefEvent Event, EnvShape Env, UserShape User,
                                string RunnerEnvironment, IReadOnlyList<string> Components)
{
    public RefShape Ref => Event.Ref;
}
