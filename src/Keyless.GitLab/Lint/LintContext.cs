using Keyless.GitLab.Lint.Flow;
using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint;

/// <summary>What the rules look at: the pipeline, and per-job analyses computed once and shared between rules.</summary>
internal sealed class LintContext
{
    private readonly Dictionary<PipelineJob, JobFlow> _flows = [];
    private readonly Dictionary<PipelineJob, JobArtifacts> _artifacts = [];

    public LintContext(PipelineDocument document, LintOptions options)
    {
        Document = document;
        Options = options;
    }

    public PipelineDocument Document { get; }

    public LintOptions Options { get; }

    /// <summary>Jobs that hold an ID token (or a GitLab-managed cloud identity).</summary>
    public IEnumerable<PipelineJob> TokenJobs => Document.Jobs.Where(j => j.HoldsToken);

    public JobFlow Flow(PipelineJob job)
    {
        if (!_flows.TryGetValue(job, out var flow))
        {
            flow = JobFlow.Analyze(job);
            _flows[job] = flow;
        }

        return flow;
    }

    public JobArtifacts Artifacts(PipelineJob job)
    {
        if (!_artifacts.TryGetValue(job, out var artifacts))
        {
            artifacts = JobArtifacts.Of(job, Flow(job).NormalizePath);
            _artifacts[job] = artifacts;
        }

        return artifacts;
    }
}
