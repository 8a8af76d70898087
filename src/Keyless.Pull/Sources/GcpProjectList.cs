using System.Text.Json.Nodes;
using Keyless.Pull.Auth;
using Keyless.Pull.Output;

namespace Keyless.Pull.Sources;

/// <summary>
/// <c>keyless pull gcp --folder ID|--organization ID</c>: the projects directly under a folder or an organization, by
/// Cloud Resource Manager v1 <c>projects.list</c> with the filter <c>parent.type:folder parent.id:ID</c> (the same v1
/// API the per-project reads use; with <c>resourcemanager.projects.list</c> on the parent Google answers from its
/// consistent index). Every page is written under <c>gcp-projects/</c> so the folder shows what was listed. Projects
/// that are not <c>ACTIVE</c> (deletion requested) are left out with a note: their reads would only fail.
/// </summary>
public static class GcpProjectList
{
    public const string Folder = "folder";
    public const string Organization = "organization";

    /// <summary>The scope a listing's failures are recorded against: <c>gcp-folder:ID</c> or <c>gcp-organization:ID</c>.</summary>
    public static PullScope Scope(string parentType, string parentId) =>
        new(parentType == Folder ? PullScope.GcpFolder : PullScope.GcpOrganization, parentId);

    public static async Task<IReadOnlyList<string>> RunAsync(PullSession session, string parentType, string parentId, ITokenSource auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scope = Scope(parentType, parentId);
        var filter = Uri.EscapeDataString($"parent.type:{parentType} parent.id:{parentId}");
        var projects = await session.ReadPagesAsync(scope, "cloudresourcemanager", "projects.list",
            new Uri(session.Endpoints.ResourceManager, $"v1/projects?filter={filter}"), auth,
            $"gcp-projects/{parentType}-{PathSegments.Safe(parentId)}", new JsonObject { ["listing"] = true }, NextPage.Google, page => PullSession.Items(page, "projects"),
            cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        foreach (var project in projects)
        {
            if (project["projectId"]?.ToString() is not { Length: > 0 } id)
            {
                continue;
            }

            if (project["lifecycleState"]?.ToString() is { } state && state != "ACTIVE")
            {
                session.Note($"gcp {parentType} {parentId}: project {id} is {state}; not pulled");
                continue;
            }

            ids.Add(id);
        }

        session.Progress?.Report($"gcp {parentType} {parentId}: {ids.Count} projects listed");
        return ids;
    }
}
