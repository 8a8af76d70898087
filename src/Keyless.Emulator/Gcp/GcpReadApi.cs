using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Reads;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// IAM v1 (<c>iam</c>: workload identity pools and providers, service accounts, their <c>getIamPolicy</c> and keys)
/// or Cloud Resource Manager (<c>cloudresourcemanager</c>: v1 <c>projects.list</c>, <c>projects.get</c> and
/// <c>projects.getIamPolicy</c>; v2 <c>folders.list</c>, the version gcloud's <c>resource-manager folders</c> uses),
/// from <see cref="GcpReadModel"/>, at the paths gcloud and the client libraries call below an endpoint override
/// (<c>v1/projects/…</c>). Any live Google access token from this emulator is a bearer: a reader token, an STS token or
/// a service account's. Paging as the discovery documents give it: <c>pageSize</c> (each method's default and
/// maximum), <c>pageToken</c>, <c>nextPageToken</c> only when more follow.
/// </summary>
public sealed class GcpReadApi : ReadApi
{
    private readonly GcpReadModel _model;
    private readonly GcpTokenStore _tokens;
    private readonly bool _resourceManager;
    private readonly int? _pageCap;
    private readonly GcpHierarchy _hierarchy;

    internal GcpReadApi(GcpReadModel model, GcpTokenStore tokens, bool resourceManager, int? pageCap, GcpHierarchy hierarchy)
    {
        _hierarchy = hierarchy;
        _model = model;
        _tokens = tokens;
        _resourceManager = resourceManager;
        _pageCap = pageCap;
    }

    public override string Name => _resourceManager ? "cloudresourcemanager" : "iam";

    private string Domain => _resourceManager ? "cloudresourcemanager.googleapis.com" : "iam.googleapis.com";

    public override bool Serves(EmulatorRequest request) => Route(request)?.IsResourceManager == _resourceManager;

    public override EmulatorResponse Refusal(int status, EmulatorRequest request)
    {
        var route = Route(request)!;
        return GoogleApiErrors.ForStatus(status, Domain, route.Permission, route.Resource);
    }

    public override Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = Route(request)!;
        if (_tokens.Find(Bearer(request)) is null)
        {
            return Task.FromResult(GoogleApiErrors.ForStatus(401, Domain, route.Permission, route.Resource));
        }

        // As IAM does for a project it cannot see: the permission is denied "(or it may not exist)".
        if (route.Project != "-" && _model.Projects.Find(route.Project) is null)
        {
            return Task.FromResult(GoogleApiErrors.Denied(Domain, route.Permission, route.Resource));
        }

        return Task.FromResult(Answer(request, route) ?? GoogleApiErrors.ForStatus(404, Domain, route.Permission, route.Resource));
    }

    private static GcpReadRoute? Route(EmulatorRequest request) =>
        request.Method is not ("GET" or "HEAD") && request.Path is "/v1/projects" or "/v2/folders" ? null
        : request.Path == "/v1/projects" ? new("projects.list", "resourcemanager.projects.list", "-", "projects")
        : request.Path == "/v2/folders" ? new("folders.list", "resourcemanager.folders.list", "-", Query(request, "parent") ?? "folders")
        : request.Path.StartsWith("/v1/projects/", StringComparison.Ordinal) ? GcpReadRoute.Of(request.Method, request.Path["/v1/".Length..]) : null;

    private EmulatorResponse? Answer(EmulatorRequest request, GcpReadRoute route)
    {
        var project = _model.Projects.Find(route.Project);
        switch (route.Method)
        {
            case "projects.list":
                return GcpProjectFilter.Parent(Query(request, "filter")) is not { } parent
                    ? GoogleApiErrors.Error(400, "INVALID_ARGUMENT", "The emulator answers projects.list only for a filter 'parent.type:folder|organization parent.id:ID'.")
                    : Page(request, "projects", [.. _model.Projects.All.Where(p => _hierarchy.ParentOf(p.Id) == parent).Select(Resource)], 500, 1000);
            case "folders.list":
                // The API leaves the page size to the server when none is asked for; the emulator's is its own.
                return Query(request, "parent") is { } under && (under.StartsWith("folders/", StringComparison.Ordinal) || under.StartsWith("organizations/", StringComparison.Ordinal))
                    ? Page(request, "folders", [.. _hierarchy.FoldersUnder(under).Select(_hierarchy.FolderResource)], 100, 1000)
                    : GoogleApiErrors.Error(400, "INVALID_ARGUMENT", "parent must be folders/{folder_id} or organizations/{org_id}.");
            case "projects.get":
                return EmulatorResponse.Json(200, Resource(project!));
            case "projects.getIamPolicy":
                return EmulatorResponse.Json(200, _model.ProjectPolicy(project!).DeepClone());
            case "serviceAccounts.list":
                return Page(request, "accounts", [.. _model.ServiceAccounts(project!).Select(a => a.Resource)], 20, 100);
            case "serviceAccounts.get":
                return _model.ServiceAccount(route.Project, route.Account!) is { } account ? EmulatorResponse.Json(200, account.Resource.DeepClone()) : null;
            case "serviceAccounts.getIamPolicy":
                return _model.ServiceAccount(route.Project, route.Account!) is { } policyOf ? EmulatorResponse.Json(200, policyOf.Policy.DeepClone()) : null;
            case "serviceAccounts.keys.list":
                if (_model.ServiceAccount(route.Project, route.Account!) is not { } keysOf)
                {
                    return null;
                }

                var types = Query(request, "keyTypes")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
                var keys = keysOf.Keys.Where(k => types.Length == 0 || types.Contains(k["keyType"]!.GetValue<string>(), StringComparer.Ordinal));
                return EmulatorResponse.Json(200, new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.DeepClone())]) });
        }

        var showDeleted = string.Equals(Query(request, "showDeleted"), "true", StringComparison.OrdinalIgnoreCase);
        return route.Method switch
        {
            "workloadIdentityPools.list" => Page(request, "workloadIdentityPools",
                [.. _model.Pools(project!).Where(p => showDeleted || !GcpReadModel.IsDeleted(p))], 50, 1000),
            "workloadIdentityPools.get" => _model.Pools(project!).FirstOrDefault(p => GcpReadModel.Id(p) == route.Pool) is { } pool
                ? EmulatorResponse.Json(200, pool.DeepClone()) : null,
            "workloadIdentityPools.providers.list" => _model.Pools(project!).Any(p => GcpReadModel.Id(p) == route.Pool)
                ? Page(request, "workloadIdentityPoolProviders",
                    [.. _model.Providers(project!, route.Pool!).Where(p => showDeleted || !GcpReadModel.IsDeleted(p))], 50, 100)
                : null,
            "workloadIdentityPools.providers.get" => _model.Providers(project!, route.Pool!).FirstOrDefault(p => GcpReadModel.Id(p) == route.Provider) is { } provider
                ? EmulatorResponse.Json(200, provider.DeepClone()) : null,
            _ => null,
        };
    }

    // The v1 Project resource: its parent is where GcpHierarchy puts it.
    private JsonObject Resource(EmulatedProject project)
    {
        return new JsonObject
        {
            ["projectNumber"] = project.Number,
            ["projectId"] = project.Id,
            ["lifecycleState"] = "ACTIVE",
            ["name"] = project.Id,
            ["createTime"] = "2024-01-01T00:00:00.000Z",
            ["parent"] = _hierarchy.ProjectParent(project.Id),
        };
    }

    private EmulatorResponse Page(EmulatorRequest request, string member, IReadOnlyList<JsonObject> items, int defaultSize, int maxSize)
    {
        if (PageToken.Decode(Query(request, "pageToken")) is not { } offset || offset > items.Count)
        {
            return GoogleApiErrors.Error(400, "INVALID_ARGUMENT", "The page token is not valid (emulator).");
        }

        var size = PageToken.Size(Query(request, "pageSize"), defaultSize, maxSize, _pageCap);
        var page = items.Skip(offset).Take(size).ToList();
        var body = new JsonObject();
        if (page.Count > 0)
        {
            // proto3 JSON leaves an empty list out: a project without pools answers {}.
            body[member] = new JsonArray([.. page.Select(i => (JsonNode)i.DeepClone())]);
        }

        if (offset + size < items.Count)
        {
            body["nextPageToken"] = PageToken.Encode(offset + size);
        }

        return EmulatorResponse.Json(200, body);
    }
}
