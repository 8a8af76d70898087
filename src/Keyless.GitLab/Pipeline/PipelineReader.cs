namespace Keyless.GitLab.Pipeline;

/// <summary>
/// Reads a <c>.gitlab-ci.yml</c> in GitLab's order (lib/gitlab/ci/config.rb): YAML load → <c>include:</c> →
/// <c>extends:</c> → <c>!reference</c>; then jobs take <c>default:</c> keywords they do not set themselves.
/// Malformed input is an <see cref="Keyless.Trust.Diagnostics.InputException"/> with file, line and column;
/// configurations GitLab would reject for their structure give <see cref="PipelineDiagnostic"/>s instead.
/// </summary>
public static class PipelineReader
{
    /// <summary>Keywords a job can take from <c>default:</c> (the CI/CD YAML reference).</summary>
    public static readonly IReadOnlySet<string> DefaultKeywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "after_script", "artifacts", "before_script", "cache", "hooks", "id_tokens", "image", "interruptible",
        "retry", "services", "tags", "timeout",
    };

    /// <summary>Top-level keywords that are not jobs; the old globals act as <c>default:</c>.</summary>
    private static readonly HashSet<string> GlobalKeywords = new(StringComparer.Ordinal)
    {
        "default", "include", "stages", "variables", "workflow", "spec", "types",
        "image", "services", "cache", "before_script", "after_script",
    };

    private static readonly string[] LegacyDefaults = ["image", "services", "cache", "before_script", "after_script"];

    public static PipelineDocument Read(string path, PipelineReaderOptions? options = null)
    {
        var projectRoot = options?.ProjectRoot ?? Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var displayRoot = options?.ProjectRoot ?? Path.GetDirectoryName(path) ?? string.Empty;
        var log = new PipelineLog();
        var includes = new IncludeResolver(projectRoot, displayRoot, log);
        var merged = includes.Resolve(path, path, YamlFileLoader.Load(path, path, log));
        return Build(path, merged, includes, log);
    }

    /// <summary>Reads configuration text; with no project around it, local includes are recorded and noted, not read.</summary>
    public static PipelineDocument Parse(string yaml, string displayPath = "<stdin>")
    {
        var log = new PipelineLog();
        var includes = new IncludeResolver(null, string.Empty, log);
        var merged = includes.Resolve(displayPath, displayPath, YamlFileLoader.Read(yaml, displayPath, log));
        return Build(displayPath, merged, includes, log);
    }

    private static PipelineDocument Build(string file, PipelineMapping merged, IncludeResolver includes, PipelineLog log)
    {
        var partial = includes.Unread.Count > 0;
        var extended = ExtendsResolver.Resolve(merged, log, partial, out var missingParents);
        var root = ReferenceResolver.Resolve(extended, log, partial);
        var defaults = Defaults(root);
        var globalVariables = root.GetMapping("variables");

        var jobs = new List<PipelineJob>();
        foreach (var entry in root.Entries)
        {
            if (GlobalKeywords.Contains(entry.Name) || entry.Name.StartsWith('.'))
            {
                continue;
            }

            if (entry.Value is not PipelineMapping body)
            {
                log.Warn($"job '{entry.Name}' must be a mapping", entry.Key.Location);
                continue;
            }

            var inherit = body.GetMapping("inherit");
            var applied = ApplyDefaults(body, defaults, inherit?["default"]);
            var ownTokens = body.ContainsKey("id_tokens");
            var runsNothing = !applied.ContainsKey("script") && !applied.ContainsKey("trigger") && !applied.ContainsKey("run");
            if (runsNothing && !partial)
            {
                // GitLab's jobs entry refuses the whole pipeline ("config should implement the script:, run:, or
                // trigger: keyword"); with an include not read, the rest of the job may be there.
                log.Warn($"job '{entry.Name}' has no script:, run: or trigger:, so GitLab rejects the pipeline", entry.Key.Location);
            }

            jobs.Add(new PipelineJob(
                entry.Key,
                applied,
                InheritedVariables(globalVariables, inherit?["variables"]),
                idTokensFromDefault: !ownTokens && applied.ContainsKey("id_tokens"))
            {
                IncludedUnder = includes.ConditionsOf(entry.Name),
                MissingParents = missingParents.GetValueOrDefault(entry.Name) ?? [],
                CompletedOutOfSight = partial && runsNothing,
            });
        }

        return new PipelineDocument(file, root, jobs, includes.Includes, log.Diagnostics, includes.Files)
        {
            Notes = log.Notes,
            Unread = includes.Unread,
        };
    }

    /// <summary><c>default:</c> plus the old top-level globals (<c>default:</c> wins where both are set).</summary>
    private static PipelineMapping Defaults(PipelineMapping root)
    {
        var entries = new List<PipelineEntry>();
        var fromDefault = root.GetMapping("default");
        foreach (var key in LegacyDefaults)
        {
            if (root.TryGetEntry(key, out var legacy) && fromDefault?.ContainsKey(key) != true)
            {
                entries.Add(legacy);
            }
        }

        entries.AddRange(fromDefault?.Entries.Where(e => DefaultKeywords.Contains(e.Name)) ?? []);
        return new PipelineMapping(entries, fromDefault?.Location ?? root.Location);
    }

    private static PipelineMapping ApplyDefaults(PipelineMapping job, PipelineMapping defaults, PipelineNode? inherit)
    {
        var allowed = Allowed(inherit);
        var result = job;
        foreach (var entry in defaults.Entries)
        {
            // A job keyword replaces the default outright; defaults are never merged into it.
            if (!job.ContainsKey(entry.Name) && allowed(entry.Name))
            {
                result = result.With(entry);
            }
        }

        return result;
    }

    private static PipelineMapping? InheritedVariables(PipelineMapping? globals, PipelineNode? inherit)
    {
        if (globals is null)
        {
            return null;
        }

        var allowed = Allowed(inherit);
        return new PipelineMapping(globals.Entries.Where(e => allowed(e.Name)).ToList(), globals.Location);
    }

    /// <summary><c>inherit: default|variables:</c> is true (all), false (none) or a list of names.</summary>
    private static Func<string, bool> Allowed(PipelineNode? inherit) => inherit switch
    {
        PipelineScalar { Value: "false" } => _ => false,
        PipelineSequence list => list.Items.OfType<PipelineScalar>().Select(s => s.Value).ToHashSet(StringComparer.Ordinal).Contains,
        _ => _ => true,
    };
}
