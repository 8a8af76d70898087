namespace Keyless.Trust.GitLab;

/// <summary>
/// What GitLab accepts as a namespace or project path, and how the path claims relate: <c>project_path</c> is
/// <c>namespace_path + "/" + path</c>, where <c>namespace_path</c> is the full path of the group, subgroup or user
/// namespace (lib/json_web_token/user_project_token_claims.rb: <c>project.full_path</c>, <c>namespace.full_path</c>).
/// </summary>
/// <remarks>
/// Segment syntax from lib/gitlab/path_regex.rb: letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, not starting with
/// <c>-</c> and not ending in <c>.git</c> or <c>.atom</c>; a namespace segment also may not end in <c>.</c>. Top-level
/// names that are routes of GitLab itself (<c>TOP_LEVEL_ROUTES</c>) cannot be taken. Each segment is at most 255
/// characters (<c>Namespace</c> and <c>Project</c> path length validation).
/// </remarks>
public static class GitLabPaths
{
    private const int MaxSegment = 255;

    // TOP_LEVEL_ROUTES of lib/gitlab/path_regex.rb: no user or group may be named like one of GitLab's own routes.
    private static readonly HashSet<string> ReservedTopLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "-", ".well-known", "404.html", "422.html", "500.html", "502.html", "503.html", "abuse_reports", "admin", "api",
        "assets", "autocomplete", "ci", "dashboard", "deploy.html", "explore", "favicon.ico", "files", "groups",
        "health_check", "help", "import", "invites", "jwt", "notification_settings", "oauth", "profile", "projects",
        "public", "robots.txt", "s", "search", "sent_notifications", "snippets", "u", "unsubscribes", "uploads", "users",
    };

    public static bool IsValidSegment(string segment, bool isNamespace)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return IsValidSegment(segment.AsSpan(), isNamespace);
    }

    // On spans: the red-team checks every path it makes up (a few per search, hundreds of thousands per estate).
    private static bool IsValidSegment(ReadOnlySpan<char> segment, bool isNamespace)
    {
        if (segment.Length is 0 or > MaxSegment || segment[0] == '-')
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return false;
            }
        }

        return !segment.EndsWith(".git", StringComparison.Ordinal) && !segment.EndsWith(".atom", StringComparison.Ordinal)
            && !(isNamespace && segment[^1] == '.');
    }

    /// <summary>A full namespace path: one or more valid segments, the first not one of GitLab's own routes.</summary>
    public static bool IsValidNamespacePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return IsValidNamespacePath(path.AsSpan());
    }

    private static bool IsValidNamespacePath(ReadOnlySpan<char> path)
    {
        var first = path.IndexOf('/');
        if (ReservedTopLevel.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first < 0 ? path : path[..first]))
        {
            return false;
        }

        foreach (var range in path.Split('/'))
        {
            if (!IsValidSegment(path[range], isNamespace: true))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A full project path: a valid namespace path, then one valid project segment.</summary>
    public static bool IsValidProjectPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        return slash > 0 && IsValidNamespacePath(path.AsSpan(0, slash)) && IsValidSegment(path.AsSpan(slash + 1), isNamespace: false);
    }

    /// <summary>The namespace part of a project path (<c>acme/team/app</c> → <c>acme/team</c>).</summary>
    public static string NamespaceOf(string projectPath)
    {
        ArgumentNullException.ThrowIfNull(projectPath);
        var slash = projectPath.LastIndexOf('/');
        return slash < 0 ? projectPath : projectPath[..slash];
    }

    /// <summary>The last segment (<c>acme/team/app</c> → <c>app</c>).</summary>
    public static string NameOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path[(path.LastIndexOf('/') + 1)..];
    }

    /// <summary>The top-level namespace (<c>acme/team/app</c> → <c>acme</c>): the group or user that owns everything below.</summary>
    public static string TopOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? path : path[..slash];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="ns"/> or lies under it.</summary>
    public static bool IsWithin(string path, string ns)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(ns);
        return path.Length == ns.Length
            ? string.Equals(path, ns, StringComparison.Ordinal)
            : path.Length > ns.Length && path[ns.Length] == '/' && path.StartsWith(ns, StringComparison.Ordinal);
    }
}
