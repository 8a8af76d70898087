using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// Who a GitLab provider protection lets act, across the provider's versions: a role attribute
/// (<c>push_access_level = "maintainer"</c>, the only place before 19.0 and CE's since) and entries
/// (<c>allowed_to_push</c>, <c>deploy_access_levels</c>, <c>deploy_access_levels_attribute</c>) that each grant a role
/// (<c>access_level</c>, EE since 19.0) or one user, group or deploy key (ids as numbers). An entry naming a user,
/// group or deploy key is an individual grant even when the provider also fills its read-only <c>access_level</c>.
/// </summary>
internal sealed record GitLabAccess(GitLabAccessLevel[] Levels, bool Individual)
{
    public static GitLabAccess None { get; } = new([], false);

    public static GitLabAccess Of(TfValues v, string? roleAttribute, params string[] entryAttributes)
    {
        var levels = new List<GitLabAccessLevel>();
        if (roleAttribute is not null)
        {
            levels.AddRange(Level(v.Str(roleAttribute)));
        }

        var individual = false;
        foreach (var entry in entryAttributes.SelectMany(v.Blocks))
        {
            if (entry.HasId("user_id") || entry.HasId("group_id") || entry.HasId("deploy_key_id"))
            {
                individual = true;
            }
            else
            {
                levels.AddRange(Level(entry.Str("access_level")));
            }
        }

        return new GitLabAccess([.. levels.Distinct()], individual);
    }

    /// <summary>The provider's level names (<c>no one</c>, <c>developer</c>, <c>maintainer</c>, <c>admin</c>; <c>owner</c> for groups).</summary>
    private static GitLabAccessLevel[] Level(string? level) => level switch
    {
        null => [],
        "no one" => [GitLabAccessLevel.NoAccess],
        "developer" => [GitLabAccessLevel.Developer],
        "maintainer" => [GitLabAccessLevel.Maintainer],
        "owner" => [GitLabAccessLevel.Owner],
        "admin" => [GitLabAccessLevel.Admin],
        _ => [],
    };
}
