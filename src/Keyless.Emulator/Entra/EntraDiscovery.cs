using System.Text.Json.Nodes;

namespace Keyless.Emulator.Entra;

/// <summary>
/// Entra's tenant discovery documents, pointing at the emulator: the v2.0 document MSAL Python reads
/// (<c>GET {authority}/v2.0/.well-known/openid-configuration</c>, taking the tenant from the first path segment of
/// <c>token_endpoint</c>) and the ADFS document az CLI reads through the <c>/adfs</c> authority.
/// </summary>
public static class EntraDiscovery
{
    public static JsonObject Tenant(string baseUrl, string tenant) => new()
    {
        ["token_endpoint"] = $"{baseUrl}/{tenant}/oauth2/v2.0/token",
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
        ["jwks_uri"] = $"{baseUrl}/{tenant}/discovery/v2.0/keys",
        ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
        ["issuer"] = $"{baseUrl}/{tenant}/v2.0",
        ["request_uri_parameter_supported"] = false,
        ["authorization_endpoint"] = $"{baseUrl}/{tenant}/oauth2/v2.0/authorize",
        ["device_authorization_endpoint"] = $"{baseUrl}/{tenant}/oauth2/v2.0/devicecode",
        ["end_session_endpoint"] = $"{baseUrl}/{tenant}/oauth2/v2.0/logout",
        ["tenant_region_scope"] = null,
        ["cloud_instance_name"] = "microsoftonline.com",
    };

    public static JsonObject Adfs(string baseUrl) => new()
    {
        ["issuer"] = $"{baseUrl}/adfs",
        ["authorization_endpoint"] = $"{baseUrl}/adfs/oauth2/authorize/",
        ["token_endpoint"] = $"{baseUrl}/adfs/oauth2/token/",
        ["jwks_uri"] = $"{baseUrl}/adfs/discovery/keys",
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic", "private_key_jwt"),
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token", "code token", "code id_token token"),
        ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
        ["grant_types_supported"] = new JsonArray("authorization_code", "refresh_token", "client_credentials", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    };
}
