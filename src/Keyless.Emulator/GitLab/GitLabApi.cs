using System.Globalization;
using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Reads;

namespace Keyless.Emulator.GitLab;

/// <summary>
/// GitLab REST API v4 reads at <c>/api/v4/…</c>: a project (<c>:id</c> a number or a URL-encoded full path), its
/// protected branches, tags and environments and CI/CD variables, a group's projects (<c>include_subgroups</c>),
/// descendant groups and variables, and the instance's variables (<c>/admin/ci/variables</c>). Lists use offset pagination as
/// <c>doc/api/rest/_index.md</c> describes: <c>page</c>, <c>per_page</c> (default 20, at most 100), and the <c>Link</c>
/// and <c>x-next-page</c>/<c>x-total</c> headers. The token is one from the emulator's reader endpoint, as
/// <c>PRIVATE-TOKEN</c> or <c>Authorization: Bearer</c>.
/// </summary>
public sealed class GitLabApi : ReadApi
{
    private const string Prefix = "/api/v4/";

    private readonly GitLabReadModel _model;
    private readonly ReaderCredentials _readers;
    private readonly int? _pageCap;

    public GitLabApi(GitLabReadModel model, ReaderCredentials readers, int? pageCap)
    {
        _model = model;
        _readers = readers;
        _pageCap = pageCap;
    }

    public override string Name => "gitlab";

    public override bool Serves(EmulatorRequest request) => Route(request.Path) is not null;

    public override EmulatorResponse Refusal(int status, EmulatorRequest request) =>
        EmulatorResponse.Json(status, new JsonObject
        {
            ["message"] = status switch
            {
                401 => "401 Unauthorized",
                403 => "403 Forbidden",
                404 => "404 Project Not Found",
                429 => "Retry later",
                _ => $"{status.ToString(CultureInfo.InvariantCulture)} Service Unavailable",
            },
        });

    public override Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Headers.TryGetValue("PRIVATE-TOKEN", out var privateToken) ? privateToken : Bearer(request);
        if (!_readers.IsLiveGitLabToken(token))
        {
            return Task.FromResult(Refusal(401, request));
        }

        var (kind, id, list) = Route(request.Path)!.Value;
        return Task.FromResult(kind switch
        {
            "projects" => Project(request, id!, list),
            "groups" when list == "projects" && _model.IsGroup(id!) => Page(request, [.. _model.Projects
                .Where(p => p.NamespacePath.Equals(id, StringComparison.OrdinalIgnoreCase)
                    || (IsTrue(request, "include_subgroups") && p.NamespacePath.StartsWith(id + "/", StringComparison.OrdinalIgnoreCase)))
                .Select(p => (JsonNode)p.Resource)]),
            "groups" when list == "variables" && _model.IsGroup(id!) => Page(request, Variables(id!)),
            "groups" when list == "descendant_groups" && _model.IsGroup(id!) => Page(request, _model.DescendantGroups(id!)),
            "admin" => Page(request, Variables("instance")),
            _ => EmulatorResponse.Json(404, new JsonObject { ["message"] = "404 Group Not Found" }),
        });
    }

    private EmulatorResponse Project(EmulatorRequest request, string id, string? list)
    {
        if (_model.Find(id) is not { } project)
        {
            return Refusal(404, request);
        }

        return list switch
        {
            null => EmulatorResponse.Json(200, project.Resource.DeepClone()),
            "protected_branches" => Page(request, [.. project.Branches]),
            "protected_tags" => Page(request, [.. project.Tags]),
            "protected_environments" => Page(request, [.. project.Environments]),
            _ => Page(request, Variables(project.Path)),
        };
    }

    private List<JsonNode?> Variables(string owner) =>
        _model.Variables.FirstOrDefault(v => v.Key.Equals(owner, StringComparison.OrdinalIgnoreCase)).Value is { } found ? [.. found] : [];

    // (projects|groups|admin, :id, list) for the paths served; null for any other.
    private static (string Kind, string? Id, string? List)? Route(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var s = path[Prefix.Length..].TrimEnd('/').Split('/');
        return s switch
        {
            ["projects", var id] => ("projects", Uri.UnescapeDataString(id), null),
            ["projects", var id, "protected_branches" or "protected_tags" or "protected_environments" or "variables"] => ("projects", Uri.UnescapeDataString(id), s[2]),
            ["groups", var id, "projects" or "variables" or "descendant_groups"] => ("groups", Uri.UnescapeDataString(id), s[2]),
            ["admin", "ci", "variables"] => ("admin", null, "variables"),
            _ => null,
        };
    }

    private static bool IsTrue(EmulatorRequest request, string name) =>
        Query(request, name) is { } value && (value == "true" || value == "1");

    private EmulatorResponse Page(EmulatorRequest request, List<JsonNode?> items)
    {
        var perPage = PageToken.Size(Query(request, "per_page"), 20, 100, _pageCap);
        var page = int.TryParse(Query(request, "page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var totalPages = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var body = new JsonArray([.. items.Skip((page - 1) * perPage).Take(perPage).Select(i => i?.DeepClone())]);
        string Link(int n)
        {
            var query = request.Query.Where(q => q.Key is not ("page" or "per_page"))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")
                .Append("page=" + n.ToString(CultureInfo.InvariantCulture))
                .Append("per_page=" + perPage.ToString(CultureInfo.InvariantCulture));
            return $"<{request.BaseUrl}{request.Path}?{string.Join('&', query)}>";
        }

        var links = new List<string>();
        if (page < totalPages)
        {
            links.Add(Link(page + 1) + "; rel=\"next\"");
        }

        links.Add(Link(1) + "; rel=\"first\"");
        links.Add(Link(totalPages) + "; rel=\"last\"");
        string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
        return EmulatorResponse.Json(200, body).WithHeaders(new Dictionary<string, string>
        {
            ["Link"] = string.Join(", ", links),
            ["x-next-page"] = page < totalPages ? Text(page + 1) : string.Empty,
            ["x-page"] = Text(page),
            ["x-per-page"] = Text(perPage),
            ["x-prev-page"] = page > 1 ? Text(page - 1) : string.Empty,
            ["x-total"] = Text(items.Count),
            ["x-total-pages"] = Text(totalPages),
        });
    }
}
