using System.Globalization;
using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Reads;

namespace Keyless.Emulator.Entra;

/// <summary>
/// Microsoft Graph reads of applications and their federated identity credentials, v1.0 and beta, at
/// <c>/graph/{version}/…</c> (and <c>/{version}/…</c>): <c>GET /applications</c> (<c>$select</c>, <c>$top</c>, paged by
/// <c>@odata.nextLink</c> with a <c>$skiptoken</c>, as concepts/paging.md describes), <c>GET /applications/{id}</c> or
/// <c>/applications(appId='…')</c>, and <c>GET /applications/{id}/federatedIdentityCredentials</c>. The bearer is an
/// Entra access token from this emulator; its tenant is the directory read.
/// </summary>
public sealed class GraphApi : ReadApi
{
    private readonly GraphReadModel _model;
    private readonly EntraAccessTokens _tokens;
    private readonly TimeProvider _time;
    private readonly int? _pageCap;

    public GraphApi(GraphReadModel model, EntraAccessTokens tokens, TimeProvider time, int? pageCap)
    {
        _model = model;
        _tokens = tokens;
        _time = time;
        _pageCap = pageCap;
    }

    public override string Name => "graph";

    public override bool Serves(EmulatorRequest request) => Parse(request.Path) is not null;

    public override EmulatorResponse Refusal(int status, EmulatorRequest request) => status switch
    {
        401 => Error(401, "InvalidAuthenticationToken", "Access token validation failure. (emulator)"),
        403 => Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
        404 => Error(404, "Request_ResourceNotFound", $"Resource '{request.Path}' does not exist or one of its queried reference-property objects are not present."),
        429 => Error(429, "TooManyRequests", "Too many requests. (emulator)"),
        _ => Error(status, "serviceNotAvailable", "The service is temporarily unavailable. (emulator)"),
    };

    public override async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (prefix, version, segments) = Parse(request.Path)!.Value;
        var (tenant, _) = await _tokens.ValidateAsync(Bearer(request)).ConfigureAwait(false);
        if (tenant is null)
        {
            return Refusal(401, request);
        }

        var root = $"{request.BaseUrl}{prefix}/{version}";
        var beta = version == "beta";
        if (segments.Length == 1)
        {
            var filter = Query(request, "$filter");
            if (filter is not null && Filter(filter) is null)
            {
                return Error(400, "Request_UnsupportedQuery", $"The emulator filters applications only by 'appId eq', 'id eq' or 'displayName eq': '{filter}'. (emulator)");
            }

            var matching = _model.Applications.Where(a => a.In(tenant)).Select(a => a.Resource)
                .Where(a => filter is null || Filter(filter)!.Value is var (property, value) && string.Equals(a[property]?.ToString(), value, StringComparison.OrdinalIgnoreCase));
            return List(request, root, [.. matching]);
        }

        if (_model.Find(tenant, segments[1]) is not { } app)
        {
            return Refusal(404, request);
        }

        if (segments.Length == 2)
        {
            var single = Select(app.Resource, Query(request, "$select"));
            single["@odata.context"] = $"{root}/$metadata#applications/$entity";
            return EmulatorResponse.Json(200, single);
        }

        return EmulatorResponse.Json(200, new JsonObject
        {
            ["@odata.context"] = $"{root}/$metadata#applications('{app.ObjectId}')/federatedIdentityCredentials",
            ["value"] = new JsonArray([.. (beta ? app.CredentialsBeta : app.CredentialsV1).Select(c => (JsonNode)c.DeepClone())]),
        });
    }

    // (prefix, version, [applications, key?, federatedIdentityCredentials?]); the key may be written inside the
    // segment as applications(appId='…').
    private static (string Prefix, string Version, string[] Segments)? Parse(string path)
    {
        var prefix = path.StartsWith("/graph/", StringComparison.Ordinal) ? "/graph" : string.Empty;
        var parts = path[prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] is not ("v1.0" or "beta"))
        {
            return null;
        }

        var rest = parts[1..];
        if (rest[0].StartsWith("applications(", StringComparison.Ordinal))
        {
            rest = ["applications", rest[0]["applications".Length..], .. rest[1..]];
        }

        return rest switch
        {
            ["applications"] or ["applications", _] or ["applications", _, "federatedIdentityCredentials"] => (prefix, parts[0], rest),
            _ => null,
        };
    }

    // The one filter shape clients send to find an application (az: appId eq '…'); OData quotes doubled inside.
    private static (string Property, string Value)? Filter(string filter)
    {
        var parts = filter.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts is [var property and ("appId" or "id" or "displayName"), "eq", var quoted] && quoted.Length >= 2 && quoted[0] == '\'' && quoted[^1] == '\''
            ? (property, quoted[1..^1].Replace("''", "'", StringComparison.Ordinal))
            : null;
    }

    private EmulatorResponse List(EmulatorRequest request, string root, List<JsonObject> items)
    {
        var select = Query(request, "$select");
        if (PageToken.Decode(Query(request, "$skiptoken")) is not { } offset || offset > items.Count)
        {
            return Error(400, "Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be included in your request.");
        }

        var size = PageToken.Size(Query(request, "$top"), 100, 999, _pageCap);
        var context = select is null ? "applications" : $"applications({select})";
        var body = new JsonObject
        {
            ["@odata.context"] = $"{root}/$metadata#{context}",
            ["value"] = new JsonArray([.. items.Skip(offset).Take(size).Select(i => (JsonNode)Select(i, select))]),
        };
        if (offset + size < items.Count)
        {
            var query = new List<string>();
            if (select is not null)
            {
                query.Add("$select=" + Uri.EscapeDataString(select));
            }

            query.Add("$top=" + size.ToString(CultureInfo.InvariantCulture));
            query.Add("$skiptoken=" + PageToken.Encode(offset + size));
            body["@odata.nextLink"] = $"{root}/applications?{string.Join('&', query)}";
        }

        return EmulatorResponse.Json(200, body);
    }

    private static JsonObject Select(JsonObject resource, string? select)
    {
        if (select is null)
        {
            return (JsonObject)resource.DeepClone();
        }

        var wanted = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new JsonObject(resource.Where(p => wanted.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
    }

    private EmulatorResponse Error(int status, string code, string message) =>
        EmulatorResponse.Json(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = Guid.NewGuid().ToString(),
                    ["client-request-id"] = Guid.NewGuid().ToString(),
                },
            },
        });
}
