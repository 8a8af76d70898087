namespace Keyless.GitLab.Api;

/// <summary>
/// Every CI/CD variable set under one group: the group's own, each descendant group's
/// (<c>/groups/:id/descendant_groups</c>) and each project's in the group or its subgroups
/// (<c>/groups/:id/projects?include_subgroups=true</c>). A subgroup or project that answers 403 is named in
/// <see cref="Skipped"/> and the walk goes on, because Maintainer on a group is not needed to list it yet is needed
/// to read a project's variables.
/// </summary>
public sealed record GroupVariableWalk(IReadOnlyList<GitLabVariableSet> Sets, IReadOnlyList<UnreadVariables> Skipped)
{
    public static async Task<GroupVariableWalk> RunAsync(GitLabApiClient client, string group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var sets = new List<GitLabVariableSet>
        {
            // The named group itself must be readable: a 403 here is the user's to fix, not a gap to note.
            await client.ListGroupVariablesAsync(group, cancellationToken).ConfigureAwait(false),
        };
        var skipped = new List<UnreadVariables>();
        foreach (var subgroup in await client.ListDescendantGroupPathsAsync(group, cancellationToken).ConfigureAwait(false))
        {
            Add(await client.TryListGroupVariablesAsync(subgroup, cancellationToken).ConfigureAwait(false), VariableLevel.Group, subgroup);
        }

        foreach (var project in await client.ListGroupProjectPathsAsync(group, cancellationToken).ConfigureAwait(false))
        {
            Add(await client.TryListProjectVariablesAsync(project, cancellationToken).ConfigureAwait(false), VariableLevel.Project, project);
        }

        return new GroupVariableWalk(sets, skipped);

        void Add(GitLabVariableSet? set, VariableLevel level, string owner)
        {
            if (set is null)
            {
                skipped.Add(new UnreadVariables(level, owner, client.VariablesUrl(level, owner)));
            }
            else
            {
                sets.Add(set);
            }
        }
    }
}
