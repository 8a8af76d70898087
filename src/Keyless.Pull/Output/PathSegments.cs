using System.Text;

namespace Keyless.Pull.Output;

/// <summary>
/// File names from cloud names: a project id, an email, a GitLab path (whose slashes become folders) keep their
/// letters, digits and <c>._@-</c>; anything else becomes <c>_</c>, so no name can climb out of the output folder.
/// </summary>
internal static class PathSegments
{
    public static string Safe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-' ? c : '_');
        }

        var safe = text.ToString().Trim('.');
        return safe.Length == 0 ? "_" : safe;
    }

    /// <summary>A GitLab full path as nested folders, each segment made safe.</summary>
    public static string Nested(string path) =>
        string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Safe));
}
