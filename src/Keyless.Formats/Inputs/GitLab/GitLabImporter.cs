using System.Text.Json.Nodes;
using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs.GitLab;

/// <summary>GitLab REST API JSON: a project, protected branches, protected tags, protected environments.</summary>
internal static class GitLabImporter
{
    public static bool IsProject(JsonObject o) => o.ContainsKey("path_with_namespace");

    public static bool IsProtectedBranch(JsonObject o) => o.ContainsKey("push_access_levels") || o.ContainsKey("merge_access_levels");

    public static bool IsProtectedTag(JsonObject o) => o.ContainsKey("create_access_levels");

    public static bool IsProtectedEnvironment(JsonObject o) => o.ContainsKey("deploy_access_levels");

    public static void Project(JsonInput input, JsonObject o, string path, TrustBuilder builder)
    {
        var ns = input.OptObject(o, "namespace", path);
        var nsPath = JsonInput.Child(path, "namespace");
        var components = o["ci_id_token_sub_claim_components"] is null
            ? null
            : input.StrList(o, "ci_id_token_sub_claim_components", path);
        builder.GitLabProjects.Add(new GitLabProject
        {
            Id = input.Id(o, "id", path),
            Path = input.Str(o, "path_with_namespace", path),
            NamespaceId = ns is null ? null : input.Id(ns, "id", nsPath),
            NamespacePath = ns is null ? null : input.Str(ns, "full_path", nsPath),
            NamespaceKind = ns is null ? null : input.Str(ns, "kind", nsPath),
            SubClaimComponents = components,
            Visibility = input.Str(o, "visibility", path),
            DefaultBranch = input.Str(o, "default_branch", path),
            ForkPipelinesInParent = o["ci_allow_fork_pipelines_to_run_in_parent_project"] is null ? null : input.Bool(o, "ci_allow_fork_pipelines_to_run_in_parent_project", path),
            Source = input.Ref(path),
        });
    }

    public static void ProtectedRef(JsonInput input, JsonObject o, string path, bool isTag, InputContext context, TrustBuilder builder)
    {
        var push = Levels(input, o, isTag ? "create_access_levels" : "push_access_levels", path, out var pushIndividual);
        var mergeIndividual = false;
        var merge = isTag ? [] : Levels(input, o, "merge_access_levels", path, out mergeIndividual);
        builder.ProtectedRefs.Add((new GitLabProtectedRef
        {
            Pattern = input.RequireStr(o, "name", path),
            PushAccess = push,
            MergeAccess = merge,
            AllowForcePush = input.Bool(o, "allow_force_push", path),
            HasIndividualGrants = pushIndividual || mergeIndividual,
            Project = context.GitLabProject,
            Source = input.Ref(path),
        }, isTag));
    }

    public static void ProtectedEnvironment(JsonInput input, JsonObject o, string path, InputContext context, TrustBuilder builder)
    {
        builder.ProtectedEnvironments.Add(new GitLabProtectedEnvironment
        {
            Name = input.RequireStr(o, "name", path),
            DeployAccess = Levels(input, o, "deploy_access_levels", path, out var individual),
            HasIndividualGrants = individual,
            Project = context.GitLabProject,
            Source = input.Ref(path),
        });
    }

    private static GitLabAccessLevel[] Levels(JsonInput input, JsonObject o, string name, string path, out bool individual)
    {
        individual = false;
        if (o[name] is null)
        {
            return [];
        }

        var at = JsonInput.Child(path, name);
        var array = input.Array(o[name], at);
        var levels = new List<GitLabAccessLevel>();
        for (var i = 0; i < array.Count; i++)
        {
            var entryPath = JsonInput.Child(at, i);
            var entry = input.Object(array[i], entryPath);
            if (entry["user_id"] is not null || entry["group_id"] is not null || entry["deploy_key_id"] is not null)
            {
                individual = true;
                continue;
            }

            if (entry["access_level"] is JsonValue v && v.TryGetValue<int>(out var level))
            {
                levels.Add((GitLabAccessLevel)level);
            }
            else
            {
                throw input.Error(JsonInput.Child(entryPath, "access_level"), "expected a numeric access level");
            }
        }

        return [.. levels];
    }
}
