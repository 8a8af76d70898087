namespace Keyless.Trust.GitLab;

/// <summary>
/// Branch and tag names GitLab accepts, so a witness never carries a ref no one can push (<c>release/</c>,
/// <c>a..b</c>, <c>x:y</c>).
/// </summary>
/// <remarks>
/// git-check-ref-format(1), as libgit2 applies it to <c>refs/heads/NAME</c> (Gitlab::GitRefValidator, which also
/// refuses names starting with <c>-</c>, <c>refs/heads/</c> or <c>refs/remotes/</c>, and the name <c>HEAD</c>): no
/// control characters, space, <c>~ ^ : ? * [ \</c>; no <c>..</c> or <c>@{</c>; no component starting with
/// <c>.</c> or ending in <c>.lock</c>; no empty component (<c>//</c>, leading or trailing <c>/</c>); not ending in
/// <c>.</c>; not the single character <c>@</c>.
/// </remarks>
public static class GitRefNames
{
    public static bool IsValid(string name) => Problem(name) is null;

    /// <summary>Why GitLab would refuse this branch or tag name, or null when it is valid.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "a ref name cannot be empty";
        }

        if (name == "HEAD" || name == "@")
        {
            return $"'{name}' is not a branch or tag name";
        }

        if (name[0] == '-' || name.StartsWith("refs/heads/", StringComparison.Ordinal) || name.StartsWith("refs/remotes/", StringComparison.Ordinal))
        {
            return "GitLab refuses ref names starting with '-', 'refs/heads/' or 'refs/remotes/'";
        }

        foreach (var c in name)
        {
            if (c < 0x20 || c == 0x7f || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\')
            {
                return $"a git ref cannot contain '{(c < 0x20 || c == 0x7f ? "control character" : c.ToString())}'";
            }
        }

        if (name.Contains("..", StringComparison.Ordinal) || name.Contains("@{", StringComparison.Ordinal))
        {
            return "a git ref cannot contain '..' or '@{'";
        }

        if (name.EndsWith('.'))
        {
            return "a git ref cannot end with '.'";
        }

        foreach (var component in name.Split('/'))
        {
            if (component.Length == 0)
            {
                return "a git ref cannot have an empty component (leading, trailing or double '/')";
            }

            if (component[0] == '.' || component.EndsWith(".lock", StringComparison.Ordinal))
            {
                return "a git ref component cannot start with '.' or end with '.lock'";
            }
        }

        return null;
    }
}
