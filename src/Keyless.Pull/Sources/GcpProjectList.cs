using System.Text.Json.Nodes;
using Keyless.Pull.Auth;
using Keyless.Pull.Output;

namespace Keyless.Pull.Sources;

/// <summary>
/// <c>keyless pull gcp --folder ID|--organization ID</c>: every project under a folder or an organization, at any depth.
/// Each parent's own projects come from Cloud Resource Manager v1 <c>projects.list</c> with the filter
/// <c>parent.type:folder parent.id:ID</c> (the same v1 API the per-project reads use; with
/// <c>resourcemanager.projects.list</c> on the parent Google answers from its consistent index), and its subfolders
/// from v2 <c>folders.list?parent=folders/ID</c> (the version gcloud's <c>resource-manager folders list</c> calls),
/// which are walked in turn, one level at a time, each folder once. Every page is written under
/// <c>gcp-projects/</c> and <c>gcp-folders/</c> so the pull shows what was listed. Projects and folders that are not
/// <c>ACTIVE</c> (deletion requested) are left out with a note: their reads would only fail. A subfolder that cannot
/// be listed is recorded against its own scope (<c>gcp-folder:ID</c>) and the walk goes on.
/// </summary>
public static class GcpProjectList
{
    public const string Folder = "folder";
    public const string Organization = "organization";

    /// <summary>The scope a listing's failures are recorded against: <c>gcp-folder:ID</c> or <c>gcp-organization:ID</c>.</summary>
    public static PullScope Scope(string parentType, string parentId) =>
        new(parentType == Folder ? PullScope.GcpFolder : PullScope.GcpOrganization, parentId);

    /// <summary>The projects listed under <paramref name="parentId"/> and its subfolders, and the subfolders walked.</summary>
    public static async Task<GcpListing> RunAsync(PullSession session, string parentType, string parentId, ITokenSource auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var projects = new List<string>();
        var subfolders = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { $"{parentType}s/{parentId}" };
        List<(string Type, string Id)> level = [(parentType, parentId)];
        // Breadth first and iterative: the depth is Google's to bound (10 active levels), not the call stack's, and a
        // folder named twice (a cycle in a broken answer) is walked once.
        while (level.Count > 0)
        {
            var listed = await Task.WhenAll(level.Select(p => ListAsync(session, p.Type, p.Id, auth, cancellationToken))).ConfigureAwait(false);
            var next = new List<(string Type, string Id)>();
            foreach (var (own, folders) in listed)
            {
                projects.AddRange(own);
                foreach (var folder in folders.Where(f => seen.Add("folders/" + f)))
                {
                    subfolders.Add(folder);
                    next.Add((Folder, folder));
                }
            }

            level = next;
        }

        session.Progress?.Report($"gcp {parentType} {parentId}: {projects.Count} projects listed in it and {subfolders.Count} subfolders");
        return new GcpListing(projects, subfolders);
    }

    private static async Task<(List<string> Projects, List<string> Folders)> ListAsync(PullSession session, string parentType, string parentId, ITokenSource auth,
                                                                                        CancellationToken cancellationToken)
    {
        var scope = Scope(parentType, parentId);
        var name = $"{parentType}-{PathSegments.Safe(parentId)}";
        var filter = Uri.EscapeDataString($"parent.type:{parentType} parent.id:{parentId}");
        var projectsTask = session.ReadPagesAsync(scope, "cloudresourcemanager", "projects.list",
            new Uri(session.Endpoints.ResourceManager, $"v1/projects?filter={filter}"), auth,
            $"gcp-projects/{name}", new JsonObject { ["listing"] = true }, NextPage.Google, page => PullSession.Items(page, "projects"),
            cancellationToken);
        var foldersTask = session.ReadPagesAsync(scope, "cloudresourcemanager", "folders.list",
            new Uri(session.Endpoints.ResourceManager, $"v2/folders?parent={Uri.EscapeDataString($"{parentType}s/{parentId}")}"), auth,
            $"gcp-folders/{name}", new JsonObject { ["listing"] = true }, NextPage.Google, page => PullSession.Items(page, "folders"),
            cancellationToken);
        var projects = Active(session, parentType, parentId, "project", await projectsTask.ConfigureAwait(false), p => p["projectId"]?.ToString());
        var folders = Active(session, parentType, parentId, "folder", await foldersTask.ConfigureAwait(false),
            f => f["name"]?.ToString() is { } folder && folder.StartsWith("folders/", StringComparison.Ordinal) ? folder["folders/".Length..] : null);
        return (projects, folders);
    }

    private static List<string> Active(PullSession session, string parentType, string parentId, string kind, IReadOnlyList<JsonNode> items, Func<JsonNode, string?> idOf)
    {
        var ids = new List<string>();
        foreach (var item in items)
        {
            if (idOf(item) is not { Length: > 0 } id)
            {
                continue;
            }

            if (item["lifecycleState"]?.ToString() is { } state && state != "ACTIVE")
            {
                session.Note($"gcp {parentType} {parentId}: {kind} {id} is {state}; not pulled");
                continue;
            }

            ids.Add(id);
        }

        return ids;
    }
}
