using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// <c>include:</c> as GitLab's External::Processor does it: each included file (with its own includes) is deep-merged
/// in order, then the including file on top. Local files are read from the project root; remote, project, template,
/// component and artifact includes are recorded (the lint judges their pinning) but never fetched.
/// </summary>
internal sealed class IncludeResolver
{
    /// <summary>GitLab's default limit on included files per pipeline.</summary>
    public const int MaxIncludes = 150;

    private const int MaxFilesWalked = 20_000;

    private readonly string _projectRoot;
    private readonly string _displayRoot;
    private readonly List<PipelineInclude> _includes = [];
    private readonly List<PipelineDiagnostic> _diagnostics;
    private readonly List<string> _files = [];
    private readonly Stack<string> _stack = new();
    private int _count;

    public IncludeResolver(string projectRoot, string displayRoot, List<PipelineDiagnostic> diagnostics)
    {
        _projectRoot = Path.GetFullPath(projectRoot);
        _displayRoot = displayRoot;
        _diagnostics = diagnostics;
    }

    public IReadOnlyList<PipelineInclude> Includes => _includes;

    /// <summary>Every file read, entry file first, as display paths.</summary>
    public IReadOnlyList<string> Files => _files;

    public PipelineMapping Resolve(string fullPath, string displayPath, PipelineMapping? root)
    {
        _files.Add(displayPath);
        _stack.Push(Path.GetFullPath(fullPath));
        try
        {
            return Expand(root ?? Empty(displayPath));
        }
        finally
        {
            _stack.Pop();
        }
    }

    private PipelineMapping Expand(PipelineMapping root)
    {
        if (!root.TryGetEntry("include", out var includeEntry))
        {
            return root;
        }

        PipelineMapping? content = null;
        foreach (var item in Items(includeEntry.Value))
        {
            foreach (var included in Process(item))
            {
                content = content is null ? included : DeepMerge.Merge(content, included);
            }
        }

        var own = root.Without("include");
        return content is null ? own : DeepMerge.Merge(content, own);
    }

    private static IEnumerable<PipelineNode> Items(PipelineNode include) => include switch
    {
        PipelineSequence sequence => sequence.Items,
        PipelineScalar { IsNull: true } => [],
        _ => [include],
    };

    private List<PipelineMapping> Process(PipelineNode item)
    {
        switch (item)
        {
            case PipelineScalar scalar:
                // A bare string is remote when it is a URL, local otherwise (Mapper::Normalizer).
                if (IsUrl(scalar.Value))
                {
                    Record(new PipelineInclude(IncludeKind.Remote, scalar.Value, scalar.Location));
                    return [];
                }

                return Local(scalar.Value, scalar.Location);
            case PipelineMapping mapping:
                return FromMapping(mapping);
            default:
                _diagnostics.Add(new PipelineDiagnostic("each include must be a string or a mapping", item.Location));
                return [];
        }
    }

    private List<PipelineMapping> FromMapping(PipelineMapping mapping)
    {
        string? Text(string key) => mapping.GetScalar(key)?.Value;

        if (Text("local") is { } local)
        {
            return Local(local, mapping.GetScalar("local")!.Location);
        }

        if (Text("remote") is { } remote)
        {
            Record(new PipelineInclude(IncludeKind.Remote, remote, mapping.Location, Integrity: Text("integrity")));
        }
        else if (Text("project") is { } project)
        {
            var files = mapping["file"] switch
            {
                PipelineScalar { IsNull: false } file => [file.Value],
                PipelineSequence sequence => sequence.Items.OfType<PipelineScalar>().Select(s => s.Value).ToList(),
                _ => new List<string>(),
            };
            Record(new PipelineInclude(IncludeKind.Project, project, mapping.Location, Ref: Text("ref"), Files: files));
        }
        else if (Text("template") is { } template)
        {
            Record(new PipelineInclude(IncludeKind.Template, template, mapping.Location));
        }
        else if (Text("component") is { } component)
        {
            Record(new PipelineInclude(IncludeKind.Component, component, mapping.Location));
        }
        else if (Text("artifact") is { } artifact)
        {
            Record(new PipelineInclude(IncludeKind.Artifact, artifact, mapping.Location));
        }
        else
        {
            _diagnostics.Add(new PipelineDiagnostic("unknown include form (expected local, remote, project, template, component or artifact)", mapping.Location));
        }

        return [];
    }

    private void Record(PipelineInclude include)
    {
        Count(1, include.Location);
        _includes.Add(include);
    }

    private void Count(int files, SourceLocation where)
    {
        _count += files;
        if (_count > MaxIncludes)
        {
            throw new InputException(where.File, $"more than {MaxIncludes} includes (GitLab's limit)", where.Line, where.Column);
        }
    }

    private List<PipelineMapping> Local(string path, SourceLocation where)
    {
        Record(new PipelineInclude(IncludeKind.Local, path, where));
        if (path.Contains('$', StringComparison.Ordinal))
        {
            _diagnostics.Add(new PipelineDiagnostic($"local include '{path}' uses a variable; it was not read", where));
            return [];
        }

        var relative = PathGlob.Normalize(path);
        if (relative.Split('/').Contains(".."))
        {
            throw new InputException(where.File, $"local include '{path}' leaves the project folder", where.Line, where.Column);
        }

        var glob = new PathGlob(relative);
        var matches = glob.HasWildcards ? Walk().Where(glob.MatchesExactly).Order(StringComparer.Ordinal).ToList() : [relative];
        if (glob.HasWildcards && matches.Count == 0)
        {
            _diagnostics.Add(new PipelineDiagnostic($"local include '{path}' matches no file", where));
        }

        // GitLab expands a glob into one include per file; the entry itself was counted once above, so a glob
        // cannot read more files than the limit allows.
        if (matches.Count > 1)
        {
            Count(matches.Count - 1, where);
        }

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
                _diagnostics.Add(new PipelineDiagnostic($"local include '{path}' includes itself; skipped", where));
                continue;
            }

            results.Add(Resolve(full, display, YamlFileLoader.Load(full, display)));
        }

        return results;
    }

    private IEnumerable<string> Walk()
    {
        // Text read without a project (PipelineReader.Parse) has no folder to walk: a glob there matches nothing.
        if (!Directory.Exists(_projectRoot))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(_projectRoot, "*", options)
            .Select(f => Path.GetRelativePath(_projectRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Take(MaxFilesWalked);
    }

    private static bool IsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static PipelineMapping Empty(string file) => new([], new SourceLocation(file, 1, 1));
}
