using System.Text.Json.Nodes;
using Keyless.Emulator.Http;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// <c>POST /v1/introspect</c> (RFC 7662, as STS serves it): <c>{active, client_id, exp, iat, iss, scope, sub,
/// username}</c> for a live token, <c>{active:false}</c> otherwise. gcloud reads <c>username</c> as the account
/// name after <c>gcloud auth login --cred-file</c>.
/// </summary>
public sealed class IntrospectEndpoint
{
    public const string Path = "/v1/introspect";

    private readonly GcpTokenStore _store;

    public IntrospectEndpoint(GcpTokenStore store)
    {
        _store = store;
    }

    public EmulatorResponse Handle(EmulatorRequest request)
    {
        var (fields, _) = FormBody.Parse(request.ContentType, request.Body);
        var value = fields is not null && fields.TryGetValue("token", out var t) ? t : null;
        if (_store.Find(value) is not { } token)
        {
            return EmulatorResponse.Token(200, new JsonObject { ["active"] = false });
        }

        var username = token.Principal?.PrincipalIdentifier ?? token.ServiceAccount;
        return EmulatorResponse.Token(200, new JsonObject
        {
            ["active"] = true,
            ["client_id"] = token.Principal?.ProviderName ?? token.ServiceAccount,
            ["exp"] = token.Expiry.ToUnixTimeSeconds(),
            ["iat"] = token.IssuedAt.ToUnixTimeSeconds(),
            ["iss"] = "https://sts.googleapis.com",
            ["scope"] = string.Join(' ', token.Scopes),
            ["sub"] = token.Principal?.Subject ?? token.ServiceAccount,
            ["username"] = username,
        });
    }
}
