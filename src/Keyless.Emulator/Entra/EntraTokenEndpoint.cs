using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Logging;
using Keyless.Emulator.Verification;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Evaluation.Azure;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Entra;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/token</c> (and the ADFS <c>/adfs/oauth2/token</c> az CLI uses): client
/// credentials with a jwt-bearer <c>client_assertion</c> (cloud-semantics B4). The assertion's signature is
/// checked against its issuer's keys, the federated-credential match is <see cref="AzureEvaluator"/>'s, and a
/// signed access token comes back with Entra's lifetime.
/// </summary>
public sealed class EntraTokenEndpoint
{
    // Entra finds the application and a credential with the token's issuer before it fetches the issuer's keys.
    private static readonly TrustCheck[] BeforeSignature = [TrustCheck.Request, TrustCheck.Identity, TrustCheck.Issuer];
    private static readonly TrustCheck[] BeforeReading = [TrustCheck.Request, TrustCheck.Identity];

    private readonly AzureEvaluator _evaluator;
    private readonly IssuerKeys _keys;
    private readonly EntraAccessTokens _tokens;
    private readonly EntraTenants _tenants;
    private readonly DecisionLog _log;
    private readonly TimeProvider _time;

    public EntraTokenEndpoint(AzureEvaluator evaluator, IssuerKeys keys, EntraAccessTokens tokens, EntraTenants tenants, DecisionLog log, TimeProvider time)
    {
        _evaluator = evaluator;
        _keys = keys;
        _tokens = tokens;
        _tenants = tenants;
        _log = log;
        _time = time;
    }

    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, string tenant, CancellationToken cancellationToken)
    {
        var (fields, parseError) = FormBody.ParseForm(request.Body);
        if (fields is null)
        {
            return Deny(null, new CloudError(400, "invalid_request", $"AADSTS90014: {parseError}. (emulator)"), null, []);
        }

        string? Field(string name) => fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        var clientId = Field("client_id");
        var identityName = clientId is null ? null : "client_id " + clientId;
        if (_tenants.Refuses(tenant))
        {
            return Deny(identityName, EntraErrors.UnknownTenant(tenant), null,
                [$"The trust names tenant(s) {string.Join(", ", _tenants.Named)}; '{tenant}' is not one of them."]);
        }

        var requestError = Field("grant_type") switch
        {
            null => EntraErrors.MissingParameter("grant_type"),
            not "client_credentials" => EntraErrors.UnsupportedGrant(Field("grant_type")!),
            _ when clientId is null => EntraErrors.MissingParameter("client_id"),
            _ when Field("client_assertion") is null && Field("client_secret") is not null => EntraErrors.SecretsNotEmulated(),
            _ when Field("client_assertion") is null => EntraErrors.MissingAssertion(),
            _ when Field("client_assertion_type") != OAuthUrns.JwtBearerAssertion => EntraErrors.AssertionType(Field("client_assertion_type")),
            _ => null,
        };
        if (requestError is not null)
        {
            return Deny(identityName, requestError, null, []);
        }

        var (resource, scopeError) = Resource(Field("scope"));
        if (scopeError is not null)
        {
            return Deny(identityName, scopeError, null, []);
        }

        return await ExchangeAsync(tenant, clientId!, Field("client_assertion")!, resource!, cancellationToken).ConfigureAwait(false);
    }

    // Client credentials take exactly one resource's "/.default"; MSAL may add OIDC scopes, which Entra ignores here.
    private static (string? Resource, CloudError? Error) Resource(string? scope)
    {
        if (scope is null)
        {
            return (null, EntraErrors.MissingParameter("scope"));
        }

        var resources = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not ("openid" or "profile" or "offline_access" or "email"))
            .ToArray();
        if (resources.Length != 1 || !resources[0].EndsWith("/.default", StringComparison.Ordinal))
        {
            return (null, EntraErrors.InvalidScope(scope));
        }

        return (resources[0][..^"/.default".Length], null);
    }

    private async Task<EmulatorResponse> ExchangeAsync(string tenant, string clientId, string assertion, string resource, CancellationToken cancellationToken)
    {
        var read = JwtVerifier.Read(assertion);
        var result = _evaluator.Exchange(tenant, clientId, TokenClaims.FromJwtPayload(read.Claims ?? new JsonObject()));
        var identityName = result.Identity?.DisplayName ?? "client_id " + clientId;
        // An assertion that cannot be read has no issuer to match: only the request and the client come before it.
        var before = read.IsValid ? BeforeSignature : BeforeReading;
        if (result.Error is not null && result.FailedCheck is { } check && before.Contains(check))
        {
            return Deny(identityName, result.Error, result.AadstsCode, result.Reasons);
        }

        if (!read.IsValid)
        {
            return Deny(identityName, EntraErrors.Malformed(), null, ["The client_assertion was not accepted: " + read.Reason + "."]);
        }

        var iss = read.Claims![GitLabClaimNames.Issuer] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        var keys = await _keys.ForIssuerAsync(iss, null, cancellationToken).ConfigureAwait(false);
        var signature = keys.Error is not null
            ? JwtVerification.Fail(JwtFailure.IssuerKeysUnavailable, keys.Error)
            : JwtVerifier.Verify(assertion, read, keys.Keys);
        if (!signature.IsValid)
        {
            var kid = read.Header!["kid"] is JsonValue k && k.TryGetValue<string>(out var kidText) ? kidText : null;
            var error = signature.Failure switch
            {
                JwtFailure.UnknownKeyId => SignatureErrors.EntraUnknownKey(kid, iss),
                JwtFailure.IssuerKeysUnavailable => EntraErrors.OidcUnreachable(),
                JwtFailure.BadSignature => SignatureErrors.EntraBadSignature,
                _ => EntraErrors.Malformed(),
            };
            return Deny(identityName, error, null, ["The client_assertion was not accepted: " + signature.Reason + "."]);
        }

        if (!result.Succeeded)
        {
            return Deny(identityName, result.Error ?? EntraErrors.Indeterminate(), result.AadstsCode, result.Reasons);
        }

        var identity = result.Identity!;
        var (token, expiresIn) = _tokens.Issue(identity, tenant, resource);
        _log.Write(new Decision(_time.GetUtcNow(), "entra.token", true, identity.DisplayName, null, null, result.Reasons));
        return EmulatorResponse.Token(200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = expiresIn,
            ["ext_expires_in"] = expiresIn,
            ["access_token"] = token,
        });
    }

    private EmulatorResponse Deny(string? identity, CloudError error, int? code, IReadOnlyList<string> reasons)
    {
        var lines = reasons.Count > 0 ? reasons : [$"{error.Error}: {error.Description}"];
        var now = _time.GetUtcNow();
        _log.Write(new Decision(now, "entra.token", false, identity, error.Error, error.Description, lines));
        return AadstsResponse.Create(error, code ?? AadstsCode.In(error.Description), now);
    }
}
