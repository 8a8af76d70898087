using System.Net.Http.Headers;
using Keyless.Login.Http;
using Keyless.Login.Tokens;
using Keyless.Trust.Evaluation;

namespace Keyless.Login.Gcp;

/// <summary>
/// <c>POST …/v1/token</c>, the STS token exchange, sent as google-auth sends it: form-encoded snake_case fields,
/// no Authorization header (cloud-semantics A7).
/// </summary>
public sealed class StsClient
{
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    private readonly LoginHttpClient _http;
    private readonly TimeProvider _time;

    public StsClient(LoginHttpClient http, TimeProvider time)
    {
        _http = http;
        _time = time;
    }

    public async Task<TokenAnswer> ExchangeAsync(Uri tokenUrl, GcpProviderName provider, IReadOnlyList<string> scopes, SubjectToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenUrl);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(token);
        var outcome = await _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, tokenUrl)
        {
            Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } },
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", OAuthUrns.TokenExchangeGrant),
                new("audience", provider.StsAudience),
                new("scope", string.Join(' ', scopes)),
                new("requested_token_type", OAuthUrns.AccessTokenType),
                new("subject_token", token.Value),
                new("subject_token_type", OAuthUrns.JwtTokenType),
            ]),
        }, cancellationToken).ConfigureAwait(false);

        if (outcome.TransportError is { } why)
        {
            return TokenAnswer.Unreachable(why);
        }

        if (!outcome.Succeeded)
        {
            return new TokenAnswer { Error = ResponseJson.OAuthError(outcome) };
        }

        var json = ResponseJson.Parse(outcome.Body);
        var accessToken = ResponseJson.Text(json, "access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            return new TokenAnswer { Error = new(outcome.Status, "invalid_response", "STS answered 200 without an access_token.") };
        }

        var expiresIn = ResponseJson.Integer(json, "expires_in");
        return new TokenAnswer
        {
            AccessToken = accessToken,
            ExpiresAt = expiresIn is { } seconds ? _time.GetUtcNow().AddSeconds(seconds) : null,
        };
    }

    /// <summary>
    /// Asks STS who a federated token belongs to (<c>username</c>, the <c>principal://…</c> IAM bindings match), to
    /// name the principal when impersonation is denied. Best effort: null when the endpoint says nothing useful.
    /// </summary>
    public async Task<string?> IntrospectPrincipalAsync(Uri tokenUrl, string federatedToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenUrl);
        var outcome = await _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, IntrospectUrl(tokenUrl))
        {
            Content = new FormUrlEncodedContent([new("token", federatedToken), new("token_type_hint", OAuthUrns.AccessTokenType)]),
        }, cancellationToken).ConfigureAwait(false);
        var json = outcome.Succeeded ? ResponseJson.Parse(outcome.Body) : null;
        var username = ResponseJson.Text(json, "username");
        return username is not null && username.StartsWith("principal", StringComparison.Ordinal) ? username : null;
    }

    /// <summary><c>…/v1/token</c> → <c>…/v1/introspect</c>, as gcloud derives <c>token_info_url</c>.</summary>
    public static Uri IntrospectUrl(Uri tokenUrl) => new(tokenUrl, "introspect");
}
