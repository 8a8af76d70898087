using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Keyless.Emulator.Verification;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Host.Tests.Attacks;

/// <summary>
/// The attack target: the emulator on loopback, trusting a GitLab-like issuer whose keys it fetches over HTTP
/// (as STS and Entra fetch gitlab.com's), plus an attacker's server for <c>jku</c>/<c>x5u</c> headers. Shared by
/// the cases of a class; each case forges its own token.
/// </summary>
public sealed class AttackRig : IAsyncLifetime
{
    public const string TenantId = TestTrust.TenantId;
    public const string ClientId = TestTrust.ClientId;
    public const string Subject = TestTrust.MainSubject;
    private const string ProjectNumber = TestTrust.ProjectNumber;
    private const string ProviderName = $"projects/{ProjectNumber}/locations/global/workloadIdentityPools/gitlab/providers/gitlab-self-managed";

    private RunningEmulator _emulator = null!;
    private HttpClient _http = null!;

    /// <summary>The trusted issuer, on a relative URL root so a case difference in <c>iss</c> is possible.</summary>
    public LoopbackIssuer Issuer { get; } = new("/GitLab");

    /// <summary>A server the attacker controls, named in forged headers; it must never be asked for anything.</summary>
    public LoopbackIssuer Attacker { get; } = new();

    public ECDsa EcKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string Log => _emulator.Log;

    public static string StsAudience => "//iam.googleapis.com/" + ProviderName;

    public async ValueTask InitializeAsync()
    {
        // The emulator stands in for another issuer only, so the trusted one's keys are fetched, never its own.
        _emulator = await RunningEmulator.StartAsync(
            Trust(Issuer.Url), issuerUrl: "https://gitlab.example.com", fetcher: new OidcJwksFetcher(new HttpClient(), TimeProvider.System));
        _http = _emulator.Client();
    }

    /// <summary>The claims GitLab would mint for the trusted job, for the given audience.</summary>
    public JsonObject Claims(string aud)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = TestTrust.Claims(aud);
        claims["jti"] = Guid.NewGuid().ToString();
        claims["iss"] = Issuer.Url;
        claims["iat"] = now;
        claims["nbf"] = now - 5;
        claims["exp"] = now + 3600;
        claims["sub"] = Subject;
        return claims;
    }

    /// <summary>POST /v1/token as google-auth sends it; the status and the JSON body.</summary>
    public async Task<(int Status, JsonObject Body)> ExchangeGcpAsync(string subjectToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["audience"] = StsAudience,
            ["scope"] = "https://www.googleapis.com/auth/cloud-platform",
            ["requested_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
            ["subject_token"] = subjectToken,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:jwt",
        });
        using var response = await _http.PostAsync(new Uri(_emulator.Host.HttpUrl, "/v1/token"), content, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!);
    }

    /// <summary>POST /{tenant}/oauth2/v2.0/token as Azure.Identity's ClientAssertionCredential sends it, over HTTPS.</summary>
    public async Task<(int Status, JsonObject Body)> ExchangeEntraAsync(string assertion)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
            ["scope"] = "https://management.azure.com/.default",
        });
        using var response = await _http.PostAsync(new Uri(_emulator.Host.HttpsUrl, $"/{TenantId}/oauth2/v2.0/token"), content, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
        Issuer.Dispose();
        Attacker.Dispose();
        EcKey.Dispose();
    }

    private static TrustSet Trust(string issuer)
    {
        var source = new SourceRef("attacks", null);
        var project = new GcpProjectRef(ProjectNumber, "acme-prod");
        var template = TestTrust.Create();
        return template with
        {
            Providers =
            [
                new GcpProvider
                {
                    Project = project,
                    PoolId = "gitlab",
                    ProviderId = "gitlab-self-managed",
                    IssuerUri = issuer,
                    AllowedAudiences = [TestTrust.GcpAudience],
                    AttributeMapping = new Dictionary<string, string>
                    {
                        ["google.subject"] = "assertion.sub",
                        ["attribute.project_id"] = "assertion.project_id",
                    },
                    AttributeCondition = "assertion.project_id == \"4242\" && assertion.ref_protected == \"true\"",
                    Source = source,
                },
            ],
            AzureIdentities =
            [
                template.AzureIdentities[0] with
                {
                    Credentials = [template.AzureIdentities[0].Credentials[0] with { Issuer = issuer }],
                },
            ],
        };
    }
}
