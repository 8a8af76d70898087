namespace Keyless.Trust.GitLab;

/// <summary>
/// User claims and project visibility as GitLab renders them.
/// </summary>
/// <remarks>
/// <c>user_access_level</c> is <c>project.team.human_max_access(user.id)&amp;.downcase</c> of the project in
/// <c>project_*</c> (lib/json_web_token/user_project_token_claims.rb), so it is null for a user who is not a member
/// of that project (the parent member who starts a fork's merge request pipeline). <c>project_visibility</c> is
/// <c>Gitlab::VisibilityLevel.string_level</c>: private, internal or public.
/// </remarks>
public static class GitLabUsers
{
    public const string Guest = "guest";
    public const string Planner = "planner";
    public const string Reporter = "reporter";
    public const string Developer = "developer";
    public const string Maintainer = "maintainer";
    public const string Owner = "owner";

    public static IReadOnlyList<string> AccessLevels { get; } = [Guest, Planner, Reporter, Developer, Maintainer, Owner];

    /// <summary>Roles that can run pipelines at all (doc/user/permissions.md: Developer and above).</summary>
    public static IReadOnlyList<string> PipelineRoles { get; } = [Developer, Maintainer, Owner];

    public static IReadOnlyList<string> Visibilities { get; } = ["private", "internal", "public"];

    /// <summary>The domain of an e-mail address (after the last <c>@</c>), or null.</summary>
    public static string? DomainOf(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at <= 0 || at == email.Length - 1 ? null : email[(at + 1)..];
    }
}
