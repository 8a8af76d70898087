using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Logging;
using Keyless.Emulator.Verification;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// <c>POST /v1/token</c>: the STS token exchange (cloud-semantics A7). Form (snake_case) and JSON (camelCase)
/// bodies; the subject token's signature is checked against the provider's issuer keys, the claims go to
/// <see cref="GcpEvaluator"/>, and a federated access token comes back in STS's shape.
/// </summary>
public sealed class StsEndpoint
{
    public const string Path = "/v1/token";

    /// <summary>A federated token lives at most an hour.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    private static readonly string[] SubjectTokenTypes = [OAuthUrns.JwtTokenType, OAuthUrns.IdTokenType];

    // Checks STS makes before it reads the token; an error there stands whatever the signature.
    private static readonly TrustCheck[] BeforeSignature = [TrustCheck.Request, TrustCheck.ProviderState];

    private readonly GcpEvaluator _evaluator;
    private readonly IssuerKeys _keys;
    private readonly GcpTokenStore _store;
    private readonly DecisionLog _log;
    private readonly TimeProvider _time;

    public StsEndpoint(GcpEvaluator evaluator, IssuerKeys keys, GcpTokenStore store, DecisionLog log, TimeProvider time)
    {
        _evaluator = evaluator;
        _keys = keys;
        _store = store;
        _log = log;
        _time = time;
    }

    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        var (fields, parseError) = FormBody.Parse(request.ContentType, request.Body);
        if (fields is null)
        {
            return Deny(null, new CloudError(400, "invalid_request", parseError!), []);
        }

        string? Field(string snake, string camel) =>
            fields.TryGetValue(snake, out var v) || fields.TryGetValue(camel, out v) ? v : null;

        var grantType = Field("grant_type", "grantType");
        var audience = Field("audience", "audience") ?? string.Empty;
        var scope = Field("scope", "scope");
        var requestedTokenType = Field("requested_token_type", "requestedTokenType");
        var subjectToken = Field("subject_token", "subjectToken");
        var subjectTokenType = Field("subject_token_type", "subjectTokenType");

        // Texts marked (emulator) are not known verbatim from STS; the codes follow OAuth 2.0 token exchange (RFC 8693).
        if (grantType != OAuthUrns.TokenExchangeGrant)
        {
            return Deny(null, new CloudError(400, "unsupported_grant_type", $"Invalid value for \"grant_type\": {grantType ?? "null"}. (emulator)"), []);
        }

        if (requestedTokenType != OAuthUrns.AccessTokenType)
        {
            return Deny(null, new CloudError(400, "invalid_request", "Invalid value of requested_token_type in request."), []);
        }

        if (string.IsNullOrWhiteSpace(scope))
        {
            return Deny(null, new CloudError(400, "invalid_request", "Scope(s) must be provided."), []);
        }

        if (!SubjectTokenTypes.Contains(subjectTokenType, StringComparer.Ordinal))
        {
            return Deny(null, new CloudError(400, "invalid_request", $"Invalid value for \"subject_token_type\": {subjectTokenType ?? "null"}. (emulator)"), []);
        }

        if (string.IsNullOrEmpty(subjectToken))
        {
            return Deny(null, new CloudError(400, "invalid_request", "The subject_token is missing. (emulator)"), []);
        }

        return await ExchangeAsync(audience, subjectToken, scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), cancellationToken).ConfigureAwait(false);
    }

    private async Task<EmulatorResponse> ExchangeAsync(string audience, string subjectToken, string[] scopes, CancellationToken cancellationToken)
    {
        var read = JwtVerifier.Read(subjectToken);
        var claims = TokenClaims.FromJwtPayload(read.Claims ?? new JsonObject());
        var result = _evaluator.Exchange(audience, claims);
        var provider = result.Provider;
        var identity = provider is null ? null : "provider " + provider.Name;
        if (result.Error is not null && result.FailedCheck is { } check && BeforeSignature.Contains(check))
        {
            return Deny(identity, result.Error, result.Reasons);
        }

        var signature = await VerifyAsync(provider, subjectToken, read, cancellationToken).ConfigureAwait(false);
        if (!signature.IsValid)
        {
            var error = SignatureError(signature.Failure!.Value);
            return Deny(identity, error, [$"{error.Error}: {error.Description}", "The subject token was not accepted: " + signature.Reason + "."]);
        }

        if (!result.Succeeded)
        {
            return Deny(identity, result.Error ?? new CloudError(400, "invalid_grant", "The token could not be evaluated. (emulator)"), result.Reasons);
        }

        var principal = result.Principal!;
        var now = _time.GetUtcNow();

        // expires_in = min(exp − now, 3600) as measured on STS (cloud-semantics A7), whatever skew the check allowed.
        var expiry = new[] { principal.TokenExpiry, now + MaxLifetime, Expiry(claims) ?? DateTimeOffset.MaxValue }.Min();
        var token = _store.Issue("ya29.d.", new IssuedToken(principal, null, scopes, now, expiry));
        var expiresIn = (int)Math.Max(0, Math.Floor((expiry - now).TotalSeconds));
        _log.Write(new Decision(now, "gcp.sts", true, principal.PrincipalIdentifier, null, null, result.Reasons));
        return EmulatorResponse.Token(200, new JsonObject
        {
            ["access_token"] = token,
            ["issued_token_type"] = OAuthUrns.AccessTokenType,
            ["token_type"] = "Bearer",
            ["expires_in"] = expiresIn,
        });
    }

    private static DateTimeOffset? Expiry(TokenClaims claims) =>
        claims.GetNumericDate(GitLabClaimNames.Expires) is { } exp ? DateTimeOffset.FromUnixTimeSeconds(exp) : null;

    private async Task<JwtVerification> VerifyAsync(GcpProvider? provider, string subjectToken, JwtVerification read, CancellationToken cancellationToken)
    {
        var keys = await _keys.ForIssuerAsync(provider?.IssuerUri, provider?.JwksJson, cancellationToken).ConfigureAwait(false);
        if (keys.Error is not null)
        {
            return JwtVerification.Fail(JwtFailure.IssuerKeysUnavailable, keys.Error);
        }

        return JwtVerifier.Verify(subjectToken, read, keys.Keys);
    }

    // STS's own words for signature problems (cloud-semantics A9).
    private static CloudError SignatureError(JwtFailure failure) => failure switch
    {
        JwtFailure.BadSignature or JwtFailure.CriticalHeader => SignatureErrors.StsBadSignature,
        JwtFailure.Malformed or JwtFailure.TooLarge => SignatureErrors.StsUnparseable,
        _ => SignatureErrors.StsIssuerUnreachable,
    };

    private EmulatorResponse Deny(string? identity, CloudError error, IReadOnlyList<string> reasons)
    {
        var lines = reasons.Count > 0 ? reasons : [$"{error.Error}: {error.Description}"];
        _log.Write(new Decision(_time.GetUtcNow(), "gcp.sts", false, identity, error.Error, error.Description, lines));
        return GcpResponses.OAuthError(error);
    }
}
