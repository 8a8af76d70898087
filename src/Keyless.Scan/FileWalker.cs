using Keyless.Trust.Diagnostics;

namespace Keyless.Scan;

/// <summary>
/// The files under the paths given to <c>keyless scan</c>: files as they are, folders walked without following
/// symbolic links (no loops) and without <c>.git</c>. Iterative, so deep trees cannot overflow the stack.
/// </summary>
public static class FileWalker
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git" };

    public static IReadOnlyList<string> Enumerate(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                Walk(path, files);
            }
            else
            {
                throw new InputException(path, "no such file or folder");
            }
        }

        return files;
    }

    private static void Walk(string root, List<string> files)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
        };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            files.AddRange(Directory.EnumerateFiles(folder, "*", options).Order(StringComparer.Ordinal));
            foreach (var sub in Directory.EnumerateDirectories(folder, "*", options).Order(StringComparer.Ordinal).Reverse())
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }
        }
    }
}
