using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// <c>include:</c> as GitLab's External::Processor does it: each included file (its inputs interpolated, its own
/// includes expanded) is deep-merged in order, then the including file on top. Local files are read from the project
/// root; remote, project, template, component and artifact includes are recorded (the lint judges their pinning) and
/// noted as not read. Every top-level key remembers the <c>include:rules</c> under which the files that define it
/// are part of the pipeline.
/// </summary>
internal sealed class IncludeResolver
{
    /// <summary>GitLab's default limit on included files per pipeline.</summary>
    public const int MaxIncludes = 150;

    private const int MaxFilesWalked = 20_000;

    private readonly string? _projectRoot;
    private readonly string _displayRoot;
    private readonly PipelineLog _log;
    private readonly List<PipelineInclude> _includes = [];
    private readonly List<PipelineInclude> _unread = [];
    private readonly List<string> _files = [];
    private readonly Stack<string> _stack = new();
    private readonly Dictionary<string, List<IncludeCondition>> _keyConditions = new(StringComparer.Ordinal);
    private int _count;

    /// <param name="projectRoot">Where local paths start; null for text read without a project, whose local includes are not read.</param>
    /// <param name="displayRoot">How that folder is shown in places.</param>
    /// <param name="log">Where warnings and notes go.</param>
    public IncludeResolver(string? projectRoot, string displayRoot, PipelineLog log)
    {
        _projectRoot = projectRoot is null ? null : Path.GetFullPath(projectRoot);
        _displayRoot = displayRoot;
        _log = log;
    }

    public IReadOnlyList<PipelineInclude> Includes => _includes;

    /// <summary>The includes whose content Keyless did not read (not local, or local with a variable in its path).</summary>
    public IReadOnlyList<PipelineInclude> Unread => _unread;

    /// <summary>Every file read, entry file first, as display paths.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>
    /// The conditions under which <paramref name="key"/> is defined: null when a file that is always part of the
    /// pipeline defines it, else one condition per conditional file that does (any of them brings it in).
    /// </summary>
    public IReadOnlyList<IncludeCondition>? ConditionsOf(string key) =>
        _keyConditions.TryGetValue(key, out var conditions) && conditions.TrueForAll(c => !c.IsAlways) ? conditions : null;

    /// <summary>The entry file, read on its own: its inputs take their defaults.</summary>
    public PipelineMapping Resolve(string fullPath, string displayPath, YamlFile file) =>
        Resolve(fullPath, displayPath, file, given: null, givenAt: null, IncludeCondition.Always);

    private PipelineMapping Resolve(string fullPath, string displayPath, YamlFile file, PipelineMapping? given, SourceLocation? givenAt, IncludeCondition condition)
    {
        _files.Add(displayPath);
        _stack.Push(Path.GetFullPath(fullPath));
        try
        {
            var content = InputInterpolator.Apply(file, given, givenAt, _log);
            return Expand(content ?? Empty(displayPath), condition);
        }
        finally
        {
            _stack.Pop();
        }
    }

    private PipelineMapping Expand(PipelineMapping root, IncludeCondition condition)
    {
        var own = root.Without("include");
        foreach (var entry in own.Entries)
        {
            if (!_keyConditions.TryGetValue(entry.Name, out var conditions))
            {
                _keyConditions[entry.Name] = conditions = [];
            }

            conditions.Add(condition);
        }

        if (!root.TryGetEntry("include", out var includeEntry))
        {
            return root;
        }

        PipelineMapping? content = null;
        foreach (var item in Items(includeEntry.Value))
        {
            foreach (var included in Process(item, condition))
            {
                content = content is null ? included : DeepMerge.Merge(content, included);
            }
        }

        return content is null ? own : DeepMerge.Merge(content, own);
    }

    private static IEnumerable<PipelineNode> Items(PipelineNode include) => include switch
    {
        PipelineSequence sequence => sequence.Items,
        PipelineScalar { IsNull: true } => [],
        _ => [include],
    };

    private List<PipelineMapping> Process(PipelineNode item, IncludeCondition condition)
    {
        switch (item)
        {
            case PipelineScalar scalar:
                // A bare string is remote when it is a URL, local otherwise (Mapper::Normalizer).
                if (IsUrl(scalar.Value))
                {
                    NotRead(new PipelineInclude(IncludeKind.Remote, scalar.Value, scalar.Location));
                    return [];
                }

                return Local(scalar.Value, scalar.Location, null, condition);
            case PipelineMapping mapping:
                return FromMapping(mapping, condition.And(mapping["rules"]));
            default:
                _log.Warn("each include must be a string or a mapping", item.Location);
                return [];
        }
    }

    private List<PipelineMapping> FromMapping(PipelineMapping mapping, IncludeCondition condition)
    {
        string? Text(string key) => mapping.GetScalar(key)?.Value;

        if (Text("local") is { } local)
        {
            return Local(local, mapping.GetScalar("local")!.Location, mapping, condition);
        }

        if (Text("remote") is { } remote)
        {
            NotRead(new PipelineInclude(IncludeKind.Remote, remote, mapping.Location, Integrity: Text("integrity")));
        }
        else if (Text("project") is { } project)
        {
            var files = mapping["file"] switch
            {
                PipelineScalar { IsNull: false } file => [file.Value],
                PipelineSequence sequence => sequence.Items.OfType<PipelineScalar>().Select(s => s.Value).ToList(),
                _ => new List<string>(),
            };
            NotRead(new PipelineInclude(IncludeKind.Project, project, mapping.Location, Ref: Text("ref"), Files: files));
        }
        else if (Text("template") is { } template)
        {
            NotRead(new PipelineInclude(IncludeKind.Template, template, mapping.Location));
        }
        else if (Text("component") is { } component)
        {
            NotRead(new PipelineInclude(IncludeKind.Component, component, mapping.Location));
        }
        else if (Text("artifact") is { } artifact)
        {
            NotRead(new PipelineInclude(IncludeKind.Artifact, artifact, mapping.Location));
        }
        else
        {
            _log.Warn("unknown include form (expected local, remote, project, template, component or artifact)", mapping.Location);
        }

        return [];
    }

    private void Record(PipelineInclude include)
    {
        _count++;
        if (_count > MaxIncludes)
        {
            var where = include.Location;
            throw new InputException(where.File, $"more than {MaxIncludes} includes (GitLab's limit)", where.Line, where.Column);
        }

        _includes.Add(include);
    }

    private void NotRead(PipelineInclude include, string? why = null)
    {
        Record(include);
        _unread.Add(include);
        var what = include.Kind switch
        {
            IncludeKind.Project => $"project '{include.Target}'" + (include.Files is { Count: > 0 } files ? $" ({string.Join(", ", files)})" : string.Empty),
            IncludeKind.Component => $"component '{include.Target}'",
            IncludeKind.Template => $"template '{include.Target}'",
            IncludeKind.Artifact => $"artifact '{include.Target}'",
            IncludeKind.Remote => $"remote '{include.Target}'",
            _ => $"local '{include.Target}'",
        };
        _log.Note(
            $"include of {what} was not read ({why ?? "Keyless reads local files only"}): the jobs it defines are not linted, and jobs that extend or reference what it defines are judged without it",
            include.Location);
    }

    private List<PipelineMapping> Local(string path, SourceLocation where, PipelineMapping? entry, IncludeCondition condition)
    {
        var include = new PipelineInclude(IncludeKind.Local, path, where);
        if (path.Contains('$', StringComparison.Ordinal))
        {
            NotRead(include, "its path uses a variable known only when the pipeline runs");
            return [];
        }

        if (_projectRoot is null)
        {
            NotRead(include, "no project folder was given to read it from");
            return [];
        }

        Record(include);
        var relative = PathGlob.Normalize(path);
        if (relative.Split('/').Contains(".."))
        {
            throw new InputException(where.File, $"local include '{path}' leaves the project folder", where.Line, where.Column);
        }

        var glob = new PathGlob(relative);
        var matches = glob.HasWildcards ? Walk(_projectRoot).Where(glob.MatchesExactly).Order(StringComparer.Ordinal).ToList() : [relative];
        if (glob.HasWildcards && matches.Count == 0)
        {
            _log.Warn($"local include '{path}' matches no file", where);
        }

        // GitLab expands a glob into one include per file; the entry itself was counted once above, so a glob
        // cannot read more files than the limit allows.
        _count += Math.Max(0, matches.Count - 1);
        if (_count > MaxIncludes)
        {
            throw new InputException(where.File, $"more than {MaxIncludes} includes (GitLab's limit)", where.Line, where.Column);
        }

        // An include names its inputs or none: either way the file's own defaults fill only what is not given.
        var given = entry?.GetMapping("inputs") ?? new PipelineMapping([], where);
        var results = new List<PipelineMapping>();
        foreach (var match in matches)
        {
            var full = Path.GetFullPath(Path.Combine(_projectRoot, match));
            var display = Path.Combine(_displayRoot, match);
            if (!File.Exists(full))
            {
                throw new InputException(where.File, $"local include '{path}' does not exist (looked for {display})", where.Line, where.Column);
            }

            if (_stack.Contains(full))
            {
                _log.Warn($"local include '{path}' includes itself; skipped", where);
                continue;
            }

            results.Add(Resolve(full, display, YamlFileLoader.Load(full, display, _log), given, entry?.Location ?? where, condition));
        }

        return results;
    }

    private static IEnumerable<string> Walk(string projectRoot)
    {
        if (!Directory.Exists(projectRoot))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(projectRoot, "*", options)
            .Select(f => Path.GetRelativePath(projectRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Take(MaxFilesWalked);
    }

    private static bool IsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static PipelineMapping Empty(string file) => new([], new SourceLocation(file, 1, 1));
}
