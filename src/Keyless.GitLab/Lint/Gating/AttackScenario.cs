using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint.Gating;

/// <summary>
/// A kind of pipeline someone other than a Maintainer can start, with the predefined variables it carries. The
/// default branch is taken to be <c>main</c> and protected, GitLab's defaults; every other ref is unprotected.
/// </summary>
internal sealed class AttackScenario
{
    private static readonly ScenarioValue Unset = new ScenarioValue.Unset();
    private static readonly ScenarioValue Unknown = new ScenarioValue.Unknown();
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> DefaultBranch = new HashSet<string>(StringComparer.Ordinal) { "main" };
    private static readonly IReadOnlySet<string> MergeRequestSources =
        new HashSet<string>(StringComparer.Ordinal) { "merge_request_event", "external_pull_request_event" };

    private readonly Dictionary<string, ScenarioValue> _variables;

    private AttackScenario(string description, Persona persona, bool isMergeRequest, bool isTag, Dictionary<string, ScenarioValue> variables)
    {
        Description = description;
        Persona = persona;
        IsMergeRequest = isMergeRequest;
        IsTag = isTag;
        _variables = variables;
    }

    public string Description { get; }

    public Persona Persona { get; }

    public bool IsMergeRequest { get; }

    public bool IsTag { get; }

    public static IReadOnlyList<AttackScenario> All { get; } =
    [
        MergeRequest(fork: true),
        Branch(),
        Tag(),
        MergeRequest(fork: false),
    ];

    /// <summary>The variable's value here: modelled, else as the job's YAML sets it, else unknown.</summary>
    public ScenarioValue Lookup(string name, PipelineJob job)
    {
        if (_variables.TryGetValue(name, out var value))
        {
            return value;
        }

        if (name.StartsWith("CI_MERGE_REQUEST_", StringComparison.Ordinal))
        {
            return IsMergeRequest ? Unknown : Unset;
        }

        return job.GetVariable(name) is { } yaml && !yaml.Value.Contains('$', StringComparison.Ordinal)
            ? new ScenarioValue.Known(yaml.Value)
            : Unknown;
    }

    private static Dictionary<string, ScenarioValue> Common() => new(StringComparer.Ordinal)
    {
        ["CI_DEFAULT_BRANCH"] = new ScenarioValue.Known("main"),
        ["CI_PROJECT_ID"] = new ScenarioValue.Opaque("project"),
        ["CI_PROJECT_PATH"] = new ScenarioValue.Opaque("project-path"),
        ["CI_COMMIT_REF_PROTECTED"] = new ScenarioValue.Known("false"),
        ["CI_COMMIT_MESSAGE"] = new ScenarioValue.Chosen("message", None),
        ["CI_COMMIT_TITLE"] = new ScenarioValue.Chosen("title", None),
        ["CI_COMMIT_DESCRIPTION"] = new ScenarioValue.Chosen("description", None),
        ["CI_COMMIT_AUTHOR"] = new ScenarioValue.Chosen("author", None),
    };

    private static AttackScenario Branch()
    {
        var variables = Common();
        var branch = new ScenarioValue.Chosen("ref", DefaultBranch);
        variables["CI_PIPELINE_SOURCE"] = new ScenarioValue.Chosen("source", MergeRequestSources);
        variables["CI_COMMIT_BRANCH"] = branch;
        variables["CI_COMMIT_REF_NAME"] = branch;
        variables["CI_COMMIT_REF_SLUG"] = branch;
        variables["CI_COMMIT_TAG"] = Unset;
        variables["CI_OPEN_MERGE_REQUESTS"] = new ScenarioValue.Chosen("open-merge-requests", None);
        return new AttackScenario("a pipeline for an unprotected branch", Persona.Developer, isMergeRequest: false, isTag: false, variables);
    }

    private static AttackScenario Tag()
    {
        // Tags are unprotected unless a protected-tag rule matches, so a tag may even be named `main`.
        var variables = Common();
        var tag = new ScenarioValue.Chosen("ref", None);
        variables["CI_PIPELINE_SOURCE"] = new ScenarioValue.Chosen("source", MergeRequestSources);
        variables["CI_COMMIT_TAG"] = tag;
        variables["CI_COMMIT_REF_NAME"] = tag;
        variables["CI_COMMIT_REF_SLUG"] = tag;
        variables["CI_COMMIT_BRANCH"] = Unset;
        variables["CI_OPEN_MERGE_REQUESTS"] = Unset;
        return new AttackScenario("a pipeline for an unprotected tag", Persona.Developer, isMergeRequest: false, isTag: true, variables);
    }

    private static AttackScenario MergeRequest(bool fork)
    {
        var variables = Common();
        var source = new ScenarioValue.Chosen("ref", fork ? None : DefaultBranch);
        variables["CI_PIPELINE_SOURCE"] = new ScenarioValue.Known("merge_request_event");
        variables["CI_COMMIT_BRANCH"] = Unset;
        variables["CI_COMMIT_TAG"] = Unset;
        variables["CI_COMMIT_REF_NAME"] = source;
        variables["CI_COMMIT_REF_SLUG"] = source;
        variables["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"] = source;
        variables["CI_MERGE_REQUEST_SOURCE_BRANCH_PROTECTED"] = new ScenarioValue.Known("false");
        variables["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = new ScenarioValue.Chosen("target", None);
        variables["CI_MERGE_REQUEST_TARGET_BRANCH_PROTECTED"] = new ScenarioValue.Chosen("target-protected", None);
        variables["CI_MERGE_REQUEST_PROJECT_ID"] = new ScenarioValue.Opaque("project");
        variables["CI_MERGE_REQUEST_PROJECT_PATH"] = new ScenarioValue.Opaque("project-path");
        variables["CI_MERGE_REQUEST_SOURCE_PROJECT_ID"] = new ScenarioValue.Opaque(fork ? "fork" : "project");
        variables["CI_MERGE_REQUEST_SOURCE_PROJECT_PATH"] = new ScenarioValue.Opaque(fork ? "fork-path" : "project-path");
        variables["CI_MERGE_REQUEST_IID"] = new ScenarioValue.Opaque("merge-request");
        variables["CI_MERGE_REQUEST_ID"] = new ScenarioValue.Opaque("merge-request-id");
        variables["CI_MERGE_REQUEST_TITLE"] = new ScenarioValue.Chosen("mr-title", None);
        return fork
            ? new AttackScenario("a merge request pipeline from a fork (the fork's code runs in this project)", Persona.ForkContributor, isMergeRequest: true, isTag: false, variables)
            : new AttackScenario("a merge request pipeline from an unprotected branch", Persona.Developer, isMergeRequest: true, isTag: false, variables);
    }
}
