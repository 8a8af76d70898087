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
        var diagnostics = new List<PipelineDiagnostic>();
        var includes = new IncludeResolver(projectRoot, displayRoot, diagnostics);
        var merged = includes.Resolve(path, path, YamlFileLoader.Load(path, path));
        return Build(path, merged, includes.Includes, includes.Files, diagnostics);
    }

    /// <summary>Reads configuration text (no local includes are followed); for tests and standard input.</summary>
    public static PipelineDocument Parse(string yaml, string displayPath = "<stdin>")
    {
        var diagnostics = new List<PipelineDiagnostic>();
        var root = YamlFileLoader.Parse(yaml, displayPath) ?? new PipelineMapping([], new SourceLocation(displayPath, 1, 1));
        var includes = new IncludeResolver(Path.GetTempPath(), string.Empty, diagnostics);
        var merged = includes.Resolve(displayPath, displayPath, root.Without("include"));
        var recorded = root.ContainsKey("include") ? RecordOnly(root, displayPath, diagnostics) : [];
        return Build(displayPath, merged, recorded, [displayPath], diagnostics);
    }

    private static List<PipelineInclude> RecordOnly(PipelineMapping root, string displayPath, List<PipelineDiagnostic> diagnostics)
    {
        // Text has no project around it: record what it includes, read nothing.
        var includeOnly = new PipelineMapping(
            root.Entries.Where(e => e.Name == "include").ToList(), root.Location);
        var recorder = new IncludeResolver(Path.Combine(Path.GetTempPath(), "keyless-no-project-" + Guid.NewGuid().ToString("N")), string.Empty, diagnostics);
        try
        {
            recorder.Resolve(displayPath, displayPath, includeOnly);
        }
        catch (Keyless.Trust.Diagnostics.InputException)
        {
            // A local include cannot be read without a project; it is still recorded.
        }

        return [.. recorder.Includes];
    }

    private static PipelineDocument Build(
        string file,
        PipelineMapping merged,
        IReadOnlyList<PipelineInclude> includes,
        IReadOnlyList<string> files,
        List<PipelineDiagnostic> diagnostics)
    {
        var extended = ExtendsResolver.Resolve(merged, diagnostics);
        var root = ReferenceResolver.Resolve(extended, diagnostics);
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
                diagnostics.Add(new PipelineDiagnostic($"job '{entry.Name}' must be a mapping", entry.Key.Location));
                continue;
            }

            var inherit = body.GetMapping("inherit");
            var applied = ApplyDefaults(body, defaults, inherit?["default"]);
            var ownTokens = body.ContainsKey("id_tokens");
            jobs.Add(new PipelineJob(
                entry.Key,
                applied,
                InheritedVariables(globalVariables, inherit?["variables"]),
                idTokensFromDefault: !ownTokens && applied.ContainsKey("id_tokens")));
        }

        return new PipelineDocument(file, root, jobs, includes, diagnostics, files);
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
