using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Keyless.Login.Http;
using Keyless.Login.Tokens;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Evaluation.Azure;

namespace Keyless.Login.Azure;

/// <summary>
/// Entra's token endpoint, client credentials with the id_token as a jwt-bearer client assertion
/// (cloud-semantics B4): <c>POST {authority}/{tenant}/oauth2/v2.0/token</c>.
/// </summary>
public sealed class EntraClient
{
    private readonly LoginHttpClient _http;
    private readonly TimeProvider _time;

    public EntraClient(LoginHttpClient http, TimeProvider time)
    {
        _http = http;
        _time = time;
    }

    public async Task<TokenAnswer> AcquireAsync(Uri tokenUrl, string clientId, string scope, SubjectToken assertion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenUrl);
        ArgumentNullException.ThrowIfNull(assertion);
        var outcome = await _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, tokenUrl)
        {
            Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } },
            Content = new FormUrlEncodedContent(
            [
                new("client_id", clientId),
                new("scope", scope),
                new("client_assertion_type", OAuthUrns.JwtBearerAssertion),
                new("client_assertion", assertion.Value),
                new("grant_type", "client_credentials"),
            ]),
        }, cancellationToken).ConfigureAwait(false);

        if (outcome.TransportError is { } why)
        {
            return TokenAnswer.Unreachable(why);
        }

        var json = ResponseJson.Parse(outcome.Body);
        if (!outcome.Succeeded)
        {
            var error = ResponseJson.OAuthError(outcome);
            return new TokenAnswer { Error = error, AadstsCode = Code(json, error.Description) };
        }

        var accessToken = ResponseJson.Text(json, "access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            return new TokenAnswer { Error = new(outcome.Status, "invalid_response", "Entra answered 200 without an access_token.") };
        }

        var expiresIn = ResponseJson.Integer(json, "expires_in");
        return new TokenAnswer { AccessToken = accessToken, ExpiresAt = expiresIn is { } s ? _time.GetUtcNow().AddSeconds(s) : null };
    }

    /// <summary><c>error_codes[0]</c>, else the number after <c>AADSTS</c> in the description.</summary>
    internal static int? Code(JsonObject? json, string description)
    {
        if (json?["error_codes"] is JsonArray { Count: > 0 } codes && codes[0] is JsonValue v && v.TryGetValue<int>(out var first))
        {
            return first;
        }

        return AadstsCode.In(description);
    }
}
