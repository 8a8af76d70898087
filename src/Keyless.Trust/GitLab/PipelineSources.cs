namespace Keyless.Trust.GitLab;

/// <summary>
/// The values of <c>pipeline_source</c> (<c>pipeline.source.to_s</c> in lib/gitlab/ci/jwt.rb): the <c>sources</c> enum
/// of app/models/concerns/enums/ci/pipeline.rb with its EE additions, as GitLab.com lists them in its pipeline
/// filters. No other value appears in a token.
/// </summary>
public static class PipelineSources
{
    public const string Push = "push";
    public const string Web = "web";
    public const string Trigger = "trigger";
    public const string Schedule = "schedule";
    public const string Api = "api";
    public const string MergeRequestEvent = "merge_request_event";

    public static IReadOnlyList<string> All { get; } =
    [
        Push, Web, Trigger, Schedule, Api, "external", "pipeline", "chat", "webide", MergeRequestEvent,
        "external_pull_request_event", "parent_pipeline", "ondemand_dast_scan", "ondemand_dast_validation",
        "security_orchestration_policy", "container_registry_push", "duo_workflow", "pipeline_execution_policy_schedule",
    ];

    /// <summary>
    /// What a Developer of a project starts there: pushes, Run pipeline (web), the pipelines API, schedules they own,
    /// trigger tokens they create, merge requests (doc/user/permissions.md; doc/ci/pipelines/schedules.md;
    /// doc/ci/triggers). A child pipeline (<c>parent_pipeline</c>) and a multi-project one (<c>pipeline</c>) follow
    /// from the same YAML.
    /// </summary>
    public static IReadOnlyList<string> Developer { get; } =
        [Push, Web, Api, Schedule, Trigger, MergeRequestEvent, "parent_pipeline", "pipeline"];

    public static bool IsValid(string source) => All.Contains(source, StringComparer.Ordinal);
}
