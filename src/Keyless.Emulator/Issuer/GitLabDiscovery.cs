using System.Text.Json.Nodes;

namespace Keyless.Emulator.Issuer;

/// <summary>
/// The issuer's OIDC documents as GitLab serves them (Doorkeeper OpenID Connect discovery and JwksController):
/// the discovery document names the issuer the emulator stands in for, while every endpoint points at the
/// emulator itself, so a client that follows <c>jwks_uri</c> lands here.
/// </summary>
public static class GitLabDiscovery
{
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string KeysPath = "/oauth/discovery/keys";

    /// <summary>GitLab also serves the key set at <c>/-/jwks</c>.</summary>
    public const string LegacyKeysPath = "/-/jwks";

    public static JsonObject Document(string issuer, string baseUrl) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = baseUrl + "/oauth/authorize",
        ["token_endpoint"] = baseUrl + "/oauth/token",
        ["revocation_endpoint"] = baseUrl + "/oauth/revoke",
        ["introspection_endpoint"] = baseUrl + "/oauth/introspect",
        ["userinfo_endpoint"] = baseUrl + "/oauth/userinfo",
        ["jwks_uri"] = baseUrl + KeysPath,
        ["scopes_supported"] = new JsonArray("api", "read_api", "read_user", "read_repository", "openid", "profile", "email"),
        ["response_types_supported"] = new JsonArray("code"),
        ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
        ["grant_types_supported"] = new JsonArray("authorization_code", "password", "client_credentials", "device_code", "refresh_token"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post"),
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["claim_types_supported"] = new JsonArray("normal"),
        ["claims_supported"] = new JsonArray(
            "iss", "sub", "aud", "exp", "iat", "sub_legacy", "name", "nickname", "preferred_username", "email",
            "email_verified", "website", "profile", "picture", "groups", "groups_direct"),
    };

    public static JsonObject Keys(params SigningKey[] keys) =>
        new() { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.ToJwk())]) };
}
