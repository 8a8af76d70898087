using System.Text.Json.Nodes;
using Keyless.Emulator.Http;

namespace Keyless.Emulator.Entra;

/// <summary>
/// The two ARM reads az CLI makes after login: <c>GET /subscriptions</c> and <c>GET /tenants</c>, each with an access
/// token from this emulator as the bearer. Subscriptions are those the trust's managed identities live in (ArmReadModel), or one
/// stand-in subscription per tenant when the trust names none.
/// </summary>
public sealed class ArmEndpoint
{
    private readonly EntraAccessTokens _tokens;
    private readonly IReadOnlyList<string> _subscriptions;

    public ArmEndpoint(EntraAccessTokens tokens, IReadOnlyList<string> subscriptions)
    {
        _tokens = tokens;
        _subscriptions = subscriptions;
    }

    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, bool tenants)
    {
        var bearer = request.Authorization is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? auth["Bearer ".Length..].Trim()
            : null;
        var (tenant, error) = await _tokens.ValidateAsync(bearer).ConfigureAwait(false);
        if (tenant is null)
        {
            return EmulatorResponse.Json(401, new JsonObject
            {
                ["error"] = bearer is null
                    ? new JsonObject { ["code"] = "AuthenticationFailed", ["message"] = "Authentication failed. The 'Authorization' header is missing." }
                    : new JsonObject { ["code"] = "InvalidAuthenticationToken", ["message"] = $"The access token is invalid ({error})." },
            });
        }

        if (tenants)
        {
            return EmulatorResponse.Json(200, new JsonObject
            {
                ["value"] = new JsonArray(new JsonObject
                {
                    ["id"] = "/tenants/" + tenant,
                    ["tenantId"] = tenant,
                    ["tenantCategory"] = "Home",
                    ["displayName"] = "keyless emulator",
                }),
                ["count"] = new JsonObject { ["type"] = "Total", ["value"] = 1 },
            });
        }

        var ids = _subscriptions.Count > 0 ? _subscriptions : [ArmReadModel.StandInSubscription(tenant)];
        return EmulatorResponse.Json(200, new JsonObject
        {
            ["value"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject
            {
                ["id"] = "/subscriptions/" + id,
                ["authorizationSource"] = "RoleBased",
                ["managedByTenants"] = new JsonArray(),
                ["subscriptionId"] = id,
                ["tenantId"] = tenant,
                ["displayName"] = "keyless emulator " + id[..8],
                ["state"] = "Enabled",
                ["subscriptionPolicies"] = new JsonObject
                {
                    ["locationPlacementId"] = "Public_2014-09-01",
                    ["quotaId"] = "PayAsYouGo_2014-09-01",
                    ["spendingLimit"] = "Off",
                },
            })]),
            ["count"] = new JsonObject { ["type"] = "Total", ["value"] = ids.Count },
        });
    }
}
