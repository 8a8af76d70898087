using Keyless.Trust.Diagnostics;

namespace Keyless.GitLab.Pipeline;

/// <summary>
/// The pipeline files under the paths given to <c>keyless lint</c>: a file as it is; in a folder, every
/// <c>.gitlab-ci.yml</c> (and <c>*.gitlab-ci.yml</c>, how GitLab's own templates are named) and every CI/CD component
/// (<c>templates/*.yml</c>, <c>templates/*/template.yml</c>, GitLab's catalog layout). <c>.git</c> and
/// <c>node_modules</c> are not entered, nor links to folders.
/// </summary>
public static class PipelineFinder
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "node_modules" };

    /// <exception cref="InputException">A path does not exist, or a folder holds no pipeline file.</exception>
    public static IReadOnlyList<PipelineFile> Find(IEnumerable<string> paths, string? projectRoot = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<PipelineFile>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(new PipelineFile(path, projectRoot, Named: true));
            }
            else if (Directory.Exists(path))
            {
                var found = Walk(path).Select(f => new PipelineFile(f, projectRoot ?? ProjectRootOf(f, path), Named: false)).ToList();
                if (found.Count == 0)
                {
                    throw new InputException(path, "no .gitlab-ci.yml, *.gitlab-ci.yml or templates/ component in this folder");
                }

                files.AddRange(found);
            }
            else
            {
                throw new InputException(path, "not found: no such file or folder");
            }
        }

        return files;
    }

    /// <summary>Whether a file is a pipeline by its name and place: what a folder is searched for.</summary>
    public static bool IsPipelineFile(string path)
    {
        var name = Path.GetFileName(path);
        var parent = Path.GetFileName(Path.GetDirectoryName(path) ?? string.Empty);
        var grandparent = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path) ?? string.Empty) ?? string.Empty);
        return name.EndsWith(".gitlab-ci.yml", StringComparison.Ordinal)
            || name.EndsWith(".gitlab-ci.yaml", StringComparison.Ordinal)
            || (parent == "templates" && (name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal)))
            || (grandparent == "templates" && name is "template.yml" or "template.yaml");
    }

    /// <summary>
    /// Where a found file's <c>include: local</c> paths start: a <c>.gitlab-ci.yml</c> sits at the root of its project
    /// (a folder of several projects has one in each), a component in the project that holds <c>templates/</c>, and any
    /// other file (an included <c>*.gitlab-ci.yml</c>) in the folder the search started from.
    /// </summary>
    private static string ProjectRootOf(string file, string searched)
    {
        var folder = Path.GetDirectoryName(file) ?? searched;
        if (Path.GetFileName(file) is ".gitlab-ci.yml" or ".gitlab-ci.yaml")
        {
            return folder;
        }

        for (var dir = folder; !string.IsNullOrEmpty(dir) && dir.Length >= searched.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Path.GetFileName(dir) == "templates")
            {
                return Path.GetDirectoryName(dir) is { Length: > 0 } project ? project : ".";
            }
        }

        return searched;
    }

    private static List<string> Walk(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
        };
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            files.AddRange(Directory.EnumerateFiles(folder, "*", options).Where(IsPipelineFile).Order(StringComparer.Ordinal));
            foreach (var sub in Directory.EnumerateDirectories(folder, "*", options).Order(StringComparer.Ordinal).Reverse())
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }
        }

        return files;
    }
}
