using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Issuer;
using Keyless.Emulator.Logging;
using Keyless.Trust.Model;
using Microsoft.Extensions.Time.Testing;

namespace Keyless.Emulator.Tests;

/// <summary>An <see cref="EmulatorCore"/> on a fake clock with its decision log captured, driven without HTTP.</summary>
public sealed class CoreHarness : IDisposable
{
    public const string BaseUrl = "https://127.0.0.1:8443";

    public CoreHarness(TrustSet? trust = null, string? issuerUrl = null, LogFormat format = LogFormat.Text,
                       Keyless.Emulator.Verification.IJwksFetcher? fetcher = null, Func<EmulatorOptions, EmulatorOptions>? configure = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions
        {
            IssuerUrl = issuerUrl,
            Log = new DecisionLog(LogText, format),
            Fetcher = fetcher,
        };
        Core = new EmulatorCore(trust ?? TestTrust.Create(), configure?.Invoke(options) ?? options, Time, SharedIssuerKey.Value, SharedEntraKey.Value);
    }

    // RSA key generation dominates a test's cost; the keys are public-safe to share (each test builds its own core).
    private static readonly Lazy<SigningKey> SharedIssuerKey = new(() => SigningKey.Generate());
    private static readonly Lazy<SigningKey> SharedEntraKey = new(() => SigningKey.Generate());

    public FakeTimeProvider Time { get; }

    public EmulatorCore Core { get; }

    public StringWriter LogText { get; } = new();

    public string Log => LogText.ToString();

    public async Task<(int Status, JsonNode Body)> SendAsync(string method, string path, string body = "", string? contentType = null, string? authorization = null, bool loopback = true)
    {
        var response = await RawAsync(method, path, body, contentType, authorization, loopback);
        return (response.Status, JsonNode.Parse(response.Body)!);
    }

    /// <summary>
    /// The whole response (headers, the drop flag) to <paramref name="pathAndQuery"/>, whose query is split off as a
    /// host does (a name given twice joined with a comma, as ASP.NET Core's StringValues print).
    /// </summary>
    public Task<EmulatorResponse> RawAsync(string method, string pathAndQuery, string body = "", string? contentType = null,
                                           string? authorization = null, bool loopback = true, IReadOnlyDictionary<string, string>? headers = null)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in pathAndQuery[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
                query[name] = query.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
            }
        }

        return Core.HandleAsync(new EmulatorRequest
        {
            Method = method,
            Path = question < 0 ? pathAndQuery : pathAndQuery[..question],
            Query = query,
            Body = body,
            ContentType = contentType,
            Authorization = authorization,
            Headers = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            BaseUrl = BaseUrl,
            FromLoopback = loopback,
        });
    }

    /// <summary>A reader token for one read API (<c>gcp</c>, <c>graph</c>, <c>arm</c>, <c>gitlab</c>), as <c>keyless pull --emulator</c> gets it.</summary>
    public async Task<string> ReaderTokenAsync(string api, string? tenant = null)
    {
        var body = new JsonObject { ["api"] = api };
        if (tenant is not null)
        {
            body["tenant"] = tenant;
        }

        var (status, response) = await PostJsonAsync("/-/keyless/reader-token", body);
        Assert.True(status == 200, response.ToJsonString());
        return response["access_token"]!.GetValue<string>();
    }

    public Task<(int Status, JsonNode Body)> GetAsync(string path, string? authorization = null) =>
        SendAsync("GET", path, authorization: authorization);

    public Task<(int Status, JsonNode Body)> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? authorization = null) =>
        SendAsync("POST", path, Form(fields), "application/x-www-form-urlencoded", authorization);

    public Task<(int Status, JsonNode Body)> PostJsonAsync(string path, JsonNode body, string? authorization = null) =>
        SendAsync("POST", path, body.ToJsonString(), "application/json", authorization);

    public async Task<string> MintAsync(JsonObject claims, int? timeout = null)
    {
        var body = new JsonObject { ["claims"] = claims.DeepClone() };
        if (timeout is { } t)
        {
            body["job_timeout_seconds"] = t;
        }

        var (status, response) = await PostJsonAsync("/-/keyless/mint", body);
        Assert.True(status == 200, response.ToJsonString());
        return response["token"]!.GetValue<string>();
    }

    public static Dictionary<string, string> StsForm(string subjectToken, string? audience = null) => new()
    {
        ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
        ["audience"] = audience ?? TestTrust.StsAudience,
        ["scope"] = "https://www.googleapis.com/auth/cloud-platform",
        ["requested_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
        ["subject_token"] = subjectToken,
        ["subject_token_type"] = "urn:ietf:params:oauth:token-type:jwt",
    };

    public static Dictionary<string, string> EntraForm(string assertion, string clientId = TestTrust.ClientId) => new()
    {
        ["client_id"] = clientId,
        ["scope"] = "https://management.azure.com/.default",
        ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        ["client_assertion"] = assertion,
        ["grant_type"] = "client_credentials",
    };

    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public void Dispose() => Core.Dispose();
}
