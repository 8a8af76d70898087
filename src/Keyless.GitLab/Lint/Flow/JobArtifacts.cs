using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint.Flow;

/// <summary>
/// What a job uploads: <c>artifacts:paths</c> (minus <c>exclude</c>), <c>artifacts:untracked</c> and every
/// <c>artifacts:reports</c> file, dotenv reports included (their variables reach later jobs and the UI), and its
/// <c>cache:</c> paths (restored into later jobs that share the key, on other branches too unless keys keep them
/// apart). Paths are project-relative, as GitLab reads them.
/// </summary>
internal sealed class JobArtifacts
{
    private readonly List<(PathGlob Glob, PipelineScalar Entry)> _paths = [];
    private readonly List<PathGlob> _excludes = [];
    private readonly List<(PathGlob Glob, PipelineScalar Entry, string Report)> _reports = [];
    private readonly List<(PathGlob Glob, PipelineScalar Entry)> _cache = [];
    private PipelineScalar? _untracked;
    private PipelineScalar? _cacheUntracked;

    private JobArtifacts()
    {
    }

    /// <summary>The <c>artifacts:paths</c> entries, for rules that judge the entries themselves.</summary>
    public IEnumerable<(PathGlob Glob, PipelineScalar Entry)> Paths => _paths;

    public bool IsEmpty => _paths.Count == 0 && _reports.Count == 0 && _untracked is null && _cache.Count == 0 && _cacheUntracked is null;

    public static JobArtifacts Of(PipelineJob job, Func<string, string> normalize)
    {
        var artifacts = new JobArtifacts();

        // `cache:` is one mapping or a list of them.
        foreach (var cache in job.Body["cache"].Flatten().OfType<PipelineMapping>())
        {
            foreach (var entry in cache["paths"].Flatten().OfType<PipelineScalar>())
            {
                artifacts._cache.Add((new PathGlob(normalize(entry.Value)), entry));
            }

            if (cache.GetScalar("untracked") is { Value: "true" } cacheUntracked)
            {
                artifacts._cacheUntracked = cacheUntracked;
            }
        }

        if (job.Body.GetMapping("artifacts") is not { } mapping)
        {
            return artifacts;
        }

        foreach (var entry in mapping["paths"].Flatten().OfType<PipelineScalar>())
        {
            artifacts._paths.Add((new PathGlob(normalize(entry.Value)), entry));
        }

        foreach (var entry in mapping["exclude"].Flatten().OfType<PipelineScalar>())
        {
            artifacts._excludes.Add(new PathGlob(normalize(entry.Value)));
        }

        if (mapping.GetScalar("untracked") is { Value: "true" } untracked)
        {
            artifacts._untracked = untracked;
        }

        foreach (var report in mapping.GetMapping("reports")?.Entries ?? [])
        {
            foreach (var entry in report.Value.Flatten().OfType<PipelineScalar>())
            {
                artifacts._reports.Add((new PathGlob(normalize(entry.Value)), entry, report.Name));
            }
        }

        return artifacts;
    }

    /// <summary>The entry that uploads <paramref name="file"/> and how ("artifacts:paths", "a dotenv report"…), or null.</summary>
    public (PipelineScalar Entry, string How)? Uploading(string file)
    {
        if (file.Length == 0 || file.StartsWith('/') || file.StartsWith('~') || file.StartsWith('$'))
        {
            return null;
        }

        foreach (var (glob, entry, report) in _reports)
        {
            if (glob.Matches(file))
            {
                return (entry, report == "dotenv" ? "a dotenv report" : $"the {report} report");
            }
        }

        foreach (var (glob, entry) in _cache)
        {
            if (glob.Matches(file))
            {
                return (entry, "the cache");
            }
        }

        if (_cacheUntracked is not null)
        {
            return (_cacheUntracked, "the cache (untracked)");
        }

        if (_excludes.Any(e => e.Matches(file)))
        {
            return null;
        }

        foreach (var (glob, entry) in _paths)
        {
            if (glob.Matches(file))
            {
                return (entry, "artifacts:paths");
            }
        }

        return _untracked is null ? null : (_untracked, "artifacts:untracked");
    }
}
