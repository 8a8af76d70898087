using System.Text.Json.Nodes;
using Keyless.Emulator.Reads;
using Keyless.Trust.Model;

namespace Keyless.Emulator.GitLab;

/// <summary>
/// The trust's GitLab projects as the REST API v4 returns them (gitlabhq <c>doc/api/projects.md</c>,
/// <c>protected_branches.md</c>, <c>protected_tags.md</c>, <c>protected_environments.md</c>; tests/real-shapes/gitlab-api):
/// the settings that shape tokens (<c>ci_id_token_sub_claim_components</c>,
/// <c>ci_allow_fork_pipelines_to_run_in_parent_project</c>, <c>default_branch</c>, <c>visibility</c>, <c>namespace</c>)
/// and each protection rule, role levels as <c>access_level</c> entries and individual grants as a <c>user_id</c> entry.
/// CI/CD variables come from <see cref="EmulatorOptions.GitLabVariables"/>, by owner path.
/// </summary>
public sealed class GitLabReadModel
{
    public GitLabReadModel(TrustSet trust, IReadOnlyDictionary<string, JsonArray> variables)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Variables = variables;
        Projects = [.. trust.GitLabProjects.Where(p => p.Path is not null || p.Id is not null).Select(Project)];
    }

    public IReadOnlyList<GitLabProjectEntry> Projects { get; }

    /// <summary>CI/CD variables by owner: a project's or group's full path, or <c>instance</c>.</summary>
    public IReadOnlyDictionary<string, JsonArray> Variables { get; }

    /// <summary>The project an <c>:id</c> names: its number or its full path.</summary>
    public GitLabProjectEntry? Find(string id) =>
        Projects.FirstOrDefault(p => StableIds.Invariant(p.Id) == id || p.Path.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a group path is a namespace of some project (so the group exists).</summary>
    public bool IsGroup(string path) =>
        Projects.Any(p => p.NamespacePath.Equals(path, StringComparison.OrdinalIgnoreCase)
                          || p.NamespacePath.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase))
        || Variables.ContainsKey(path);

    /// <summary>
    /// The subgroups under <paramref name="path"/> at any depth, as <c>GET /groups/:id/descendant_groups</c> lists
    /// them (gitlabhq <c>doc/api/groups.md</c>): every namespace of a project and every variables owner that is no
    /// project, with their parent namespaces.
    /// </summary>
    public List<JsonNode?> DescendantGroups(string path)
    {
        var prefix = path + "/";
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var owner in Projects.Select(p => p.NamespacePath).Concat(Variables.Keys.Where(k => k != "instance" && Find(k) is null)))
        {
            // Each ancestor between the group and this namespace is a subgroup too.
            for (var current = owner; current.StartsWith(prefix, StringComparison.OrdinalIgnoreCase); current = current[..current.LastIndexOf('/')])
            {
                names.Add(current);
            }
        }

        return [.. names.Select(full => (JsonNode?)new JsonObject
        {
            ["id"] = StableIds.Number("gitlab-namespace", full, 90_000_000),
            ["name"] = full[(full.LastIndexOf('/') + 1)..],
            ["path"] = full[(full.LastIndexOf('/') + 1)..],
            ["full_path"] = full,
            ["parent_id"] = StableIds.Number("gitlab-namespace", full[..full.LastIndexOf('/')], 90_000_000),
            ["web_url"] = $"https://gitlab.example.com/groups/{full}",
        })];
    }

    private static GitLabProjectEntry Project(GitLabProject project)
    {
        var path = project.Path ?? "project-" + project.Id;
        var id = long.TryParse(project.Id, out var given) ? given : StableIds.Number("gitlab-project", path, 90_000_000);
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? path : path[(slash + 1)..];
        var namespacePath = project.NamespacePath ?? (slash < 0 ? path : path[..slash]);
        var namespaceName = namespacePath[(namespacePath.LastIndexOf('/') + 1)..];
        var namespaceId = long.TryParse(project.NamespaceId, out var ns) ? ns : StableIds.Number("gitlab-namespace", namespacePath, 90_000_000);
        var resource = new JsonObject
        {
            ["id"] = id,
            ["description"] = null,
            ["web_url"] = $"https://gitlab.example.com/{path}",
            ["name"] = name,
            ["name_with_namespace"] = namespacePath.Replace("/", " / ", StringComparison.Ordinal) + " / " + name,
            ["path"] = name,
            ["path_with_namespace"] = path,
            ["namespace"] = new JsonObject
            {
                ["id"] = namespaceId,
                ["name"] = namespaceName,
                ["path"] = namespaceName,
                ["kind"] = project.NamespaceKind ?? "group",
                ["full_path"] = namespacePath,
                ["parent_id"] = null,
                ["avatar_url"] = null,
                ["web_url"] = $"https://gitlab.example.com/groups/{namespacePath}",
            },
        };

        // GitLab always answers these; the emulator says only what the trust knows, so an audit of what it serves
        // assumes GitLab's defaults exactly where an audit of the trust itself does.
        if (project.DefaultBranch is { } defaultBranch)
        {
            resource["default_branch"] = defaultBranch;
        }

        if (project.Visibility is { } visibility)
        {
            resource["visibility"] = visibility;
        }

        if (project.ForkPipelinesInParent is { } forks)
        {
            resource["ci_allow_fork_pipelines_to_run_in_parent_project"] = forks;
        }
        if (project.SubClaimComponents is { } components)
        {
            resource["ci_id_token_sub_claim_components"] = new JsonArray([.. components.Select(c => (JsonNode)c)]);
        }

        var entryId = 0;
        JsonArray Levels(IReadOnlyList<GitLabAccessLevel> levels, bool individual)
        {
            var entries = new JsonArray([.. levels.Select(l => (JsonNode)new JsonObject
            {
                ["id"] = ++entryId,
                ["access_level"] = (int)l,
                ["access_level_description"] = Describe(l),
                ["deploy_key_id"] = null,
                ["user_id"] = null,
                ["group_id"] = null,
            })]);
            if (individual)
            {
                // The input says a user, group or deploy key is named; who does not change a verdict.
                entries.Add((JsonNode)new JsonObject
                {
                    ["id"] = ++entryId,
                    ["access_level"] = null,
                    ["access_level_description"] = "a named user",
                    ["deploy_key_id"] = null,
                    ["user_id"] = StableIds.Number("gitlab-user", path, 9_000_000),
                    ["group_id"] = null,
                });
            }

            return entries;
        }

        var branches = new JsonArray([.. project.ProtectedBranches.Select((rule, i) => (JsonNode)new JsonObject
        {
            ["id"] = i + 1,
            ["name"] = rule.Pattern,
            ["push_access_levels"] = Levels(rule.PushAccess, rule.HasIndividualGrants),
            ["merge_access_levels"] = Levels(rule.MergeAccess, false),
            ["allow_force_push"] = rule.AllowForcePush,
            ["code_owner_approval_required"] = false,
        })]);
        var tags = new JsonArray([.. project.ProtectedTags.Select(rule => (JsonNode)new JsonObject
        {
            ["name"] = rule.Pattern,
            ["create_access_levels"] = Levels(rule.PushAccess, rule.HasIndividualGrants),
        })]);
        var environments = new JsonArray([.. project.ProtectedEnvironments.Select(environment => (JsonNode)new JsonObject
        {
            ["name"] = environment.Name,
            ["deploy_access_levels"] = Levels(environment.DeployAccess, environment.HasIndividualGrants),
            ["required_approval_count"] = 0,
        })]);
        return new GitLabProjectEntry(id, path, namespacePath, resource, branches, tags, environments);
    }

    private static string Describe(GitLabAccessLevel level) => level switch
    {
        GitLabAccessLevel.NoAccess => "No one",
        GitLabAccessLevel.Developer => "Developers + Maintainers",
        GitLabAccessLevel.Maintainer => "Maintainers",
        GitLabAccessLevel.Admin => "Administrators",
        _ => level.ToString(),
    };
}
