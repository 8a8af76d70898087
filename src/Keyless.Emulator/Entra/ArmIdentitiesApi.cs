using System.Globalization;
using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Reads;

namespace Keyless.Emulator.Entra;

/// <summary>
/// Azure Resource Manager reads of user-assigned managed identities (<c>Microsoft.ManagedIdentity</c>) at
/// <c>/arm/subscriptions/…</c> (and <c>/subscriptions/…</c>): list by subscription or resource group, get one, and
/// list its federated identity credentials; <c>api-version</c> required, paths case-insensitive, lists paged by
/// <c>nextLink</c> (<c>$skiptoken</c>, and <c>$top</c>/<c>$skipToken</c> for credentials, as the examples show). The
/// bearer is an Entra access token from this emulator.
/// </summary>
public sealed class ArmIdentitiesApi : ReadApi
{
    private readonly ArmReadModel _model;
    private readonly EntraAccessTokens _tokens;
    private readonly int? _pageCap;

    public ArmIdentitiesApi(ArmReadModel model, EntraAccessTokens tokens, int? pageCap)
    {
        _model = model;
        _tokens = tokens;
        _pageCap = pageCap;
    }

    public override string Name => "arm";

    public override bool Serves(EmulatorRequest request) => Parse(request.Path) is not null;

    public override EmulatorResponse Refusal(int status, EmulatorRequest request)
    {
        var route = Parse(request.Path)!.Value;
        var action = route.Credentials
            ? ArmReadModel.IdentityType + "/federatedIdentityCredentials/read"
            : ArmReadModel.IdentityType + "/read";
        var scope = route.Scope;
        var reader = ReaderCredentials.Reader.ObjectId;
        return status switch
        {
            401 => Error(401, "InvalidAuthenticationToken", "The access token is invalid. (emulator)"),
            403 => Error(403, "AuthorizationFailed",
                $"The client '{reader}' with object id '{reader}' does not have authorization to perform action '{action}' over scope '{scope}' or the scope is invalid. If access was recently granted, please refresh your credentials."),
            404 => Error(404, "ResourceNotFound", $"The Resource '{ArmReadModel.IdentityType}/{route.Name}' under resource group '{route.Group}' was not found."),
            429 => Error(429, "TooManyRequests", "The request was throttled. (emulator)"),
            _ => Error(status, "ServiceUnavailable", "The service is temporarily unavailable. (emulator)"),
        };
    }

    public override async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = Parse(request.Path)!.Value;
        var (tenant, _) = await _tokens.ValidateAsync(Bearer(request)).ConfigureAwait(false);
        if (tenant is null)
        {
            return Refusal(401, request);
        }

        if (Query(request, "api-version") is null)
        {
            return Error(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
        }

        var inScope = _model.Identities.Where(i => i.Subscription.Equals(route.Subscription, StringComparison.OrdinalIgnoreCase)
            && (route.Group is null || i.ResourceGroup.Equals(route.Group, StringComparison.OrdinalIgnoreCase))).ToList();
        if (route.Name is null)
        {
            return Page(request, [.. inScope.Select(i => i.Resource)], "$skiptoken");
        }

        if (inScope.FirstOrDefault(i => i.Name.Equals(route.Name, StringComparison.OrdinalIgnoreCase)) is not { } identity)
        {
            return Refusal(404, request);
        }

        return route.Credentials
            ? Page(request, [.. identity.Credentials], "$skipToken")
            : EmulatorResponse.Json(200, identity.Resource.DeepClone());
    }

    private static (string Subscription, string? Group, string? Name, bool Credentials, string Scope, string Prefix)? Parse(string path)
    {
        var prefix = path.StartsWith("/arm/", StringComparison.OrdinalIgnoreCase) ? path[..4] : string.Empty;
        var s = path[prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        static bool Is(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
        if (s.Length < 5 || !Is(s[0], "subscriptions"))
        {
            return null;
        }

        var subscription = s[1];
        var scope = "/subscriptions/" + subscription;
        string? group = null;
        var at = 2;
        if (Is(s[at], "resourceGroups") && s.Length >= 7)
        {
            group = s[3];
            scope += "/resourceGroups/" + group;
            at = 4;
        }

        if (!Is(s[at], "providers") || !Is(s[at + 1], "Microsoft.ManagedIdentity") || !Is(s[at + 2], "userAssignedIdentities"))
        {
            return null;
        }

        var rest = s[(at + 3)..];
        return rest switch
        {
            [] => (subscription, group, null, false, scope, prefix),
            [var name] when group is not null => (subscription, group, name, false, $"{scope}/providers/{ArmReadModel.IdentityType}/{name}", prefix),
            [var name, var child] when group is not null && Is(child, "federatedIdentityCredentials") =>
                (subscription, group, name, true, $"{scope}/providers/{ArmReadModel.IdentityType}/{name}", prefix),
            _ => null,
        };
    }

    private EmulatorResponse Page(EmulatorRequest request, List<JsonObject> items, string skipName)
    {
        var token = Query(request, "$skiptoken") ?? Query(request, "$skipToken");
        if (PageToken.Decode(token) is not { } offset || offset > items.Count)
        {
            return Error(400, "InvalidSkipToken", "The skip token is not valid. (emulator)");
        }

        var size = PageToken.Size(Query(request, "$top"), 100, 100, _pageCap);
        var body = new JsonObject { ["value"] = new JsonArray([.. items.Skip(offset).Take(size).Select(i => (JsonNode)i.DeepClone())]) };
        if (offset + size < items.Count)
        {
            var top = Query(request, "$top") is null ? string.Empty : "&$top=" + size.ToString(CultureInfo.InvariantCulture);
            body["nextLink"] = $"{request.BaseUrl}{request.Path}?api-version={Uri.EscapeDataString(Query(request, "api-version")!)}{top}&{skipName}={PageToken.Encode(offset + size)}";
        }

        return EmulatorResponse.Json(200, body);
    }

    private static EmulatorResponse Error(int status, string code, string message) =>
        EmulatorResponse.Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
}
