using Keyless.Trust.Evaluation;

namespace Keyless.Emulator.Entra;

/// <summary>
/// The request-level and signature errors the Entra token endpoint returns before the federated-credential match
/// (which <see cref="AzureEvaluator"/> owns). Texts are Entra's; those marked (emulator) are not known verbatim.
/// </summary>
internal static class EntraErrors
{
    public static CloudError MissingParameter(string name) => new(400, "invalid_request",
        $"AADSTS900144: The request body must contain the following parameter: '{name}'.");

    public static CloudError UnsupportedGrant(string grantType) => new(400, "unsupported_grant_type",
        $"AADSTS70003: The app requested an unsupported grant type '{grantType}'. (emulator)");

    public static CloudError MissingAssertion() => new(401, "invalid_client",
        "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

    public static CloudError SecretsNotEmulated() => new(401, "invalid_client",
        "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'. (emulator: client secrets are not emulated; use a federated client_assertion)");

    public static CloudError AssertionType(string? type) => new(400, "invalid_request",
        $"AADSTS50027: client_assertion_type '{type}' is not urn:ietf:params:oauth:client-assertion-type:jwt-bearer. (emulator)");

    public static CloudError InvalidScope(string scope) => new(400, "invalid_scope",
        $"AADSTS1002012: The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");

    public static CloudError Malformed() => new(400, "invalid_request", "AADSTS50027: JWT token is invalid or malformed.");

    public static CloudError OidcUnreachable() => new(400, "invalid_request", "AADSTS90061: Request to External OIDC endpoint failed.");

    public static CloudError UnknownTenant(string tenant) => new(400, "invalid_tenant",
        $"AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");

    public static CloudError Indeterminate() => new(400, "invalid_client",
        "AADSTS70021: No matching federated identity record found for presented assertion. (emulator: the answer depends on trust values not known until apply)");
}
