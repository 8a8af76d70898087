using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Login.Http;

namespace Keyless.Login.Gcp;

/// <summary>
/// <c>POST {base}/projects/-/serviceAccounts/{email}:generateAccessToken</c> with the federated token as the bearer
/// (cloud-semantics A8). Answers are camelCase, errors Google-API shaped.
/// </summary>
public sealed class IamCredentialsClient
{
    public const int DefaultLifetimeSeconds = 3600;

    private readonly LoginHttpClient _http;

    public IamCredentialsClient(LoginHttpClient http)
    {
        _http = http;
    }

    /// <summary>The URL clients call, and the one the credential configuration names.</summary>
    public static Uri GenerateAccessTokenUrl(Uri baseUrl, string serviceAccount) =>
        Endpoints.Join(baseUrl, $"projects/-/serviceAccounts/{serviceAccount}:generateAccessToken");

    public async Task<TokenAnswer> GenerateAccessTokenAsync(Uri baseUrl, string serviceAccount, string federatedToken, IReadOnlyList<string> scopes, int? lifetimeSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var url = GenerateAccessTokenUrl(baseUrl, serviceAccount);
        var body = new JsonObject
        {
            ["scope"] = new JsonArray([.. scopes.Select(s => JsonValue.Create(s))]),
            ["lifetime"] = (lifetimeSeconds ?? DefaultLifetimeSeconds).ToString(CultureInfo.InvariantCulture) + "s",
            ["delegates"] = new JsonArray(),
        };
        var outcome = await _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", federatedToken), Accept = { new MediaTypeWithQualityHeaderValue("application/json") } },
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        }, cancellationToken).ConfigureAwait(false);

        if (outcome.TransportError is { } why)
        {
            return TokenAnswer.Unreachable(why);
        }

        if (!outcome.Succeeded)
        {
            return new TokenAnswer { Error = ResponseJson.ApiError(outcome) };
        }

        var json = ResponseJson.Parse(outcome.Body);
        var accessToken = ResponseJson.Text(json, "accessToken");
        if (string.IsNullOrEmpty(accessToken))
        {
            return new TokenAnswer { Error = new(outcome.Status, "invalid_response", "generateAccessToken answered 200 without an accessToken.") };
        }

        DateTimeOffset? expiry = DateTimeOffset.TryParse(ResponseJson.Text(json, "expireTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e) ? e : null;
        return new TokenAnswer { AccessToken = accessToken, ExpiresAt = expiry };
    }
}
