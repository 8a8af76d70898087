using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Emulator.Entra;
using Keyless.Emulator.Gcp;
using Keyless.Emulator.Http;
using Keyless.Emulator.Issuer;
using Keyless.Formats.Inputs;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Reads;

/// <summary>
/// <c>POST /-/keyless/reader-token</c> with <c>{"api": "gcp"|"graph"|"arm"|"gitlab"|"aws", "tenant": "…"?}</c>: a bearer
/// token for the emulator's read APIs, in the shape each cloud's is (an opaque <c>ya29.</c> Google token, a signed
/// Entra access token, a <c>glpat-</c> GitLab token, an AWS access key pair), living an hour. This is what <c>keyless pull --emulator</c>
/// logs in with, so no account is needed; loopback callers only, as for minting. The read APIs also take the tokens
/// real clients get from the emulator's STS and Entra endpoints.
/// </summary>
public sealed class ReaderCredentials
{
    public const string Path = "/-/keyless/reader-token";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly GcpTokenStore _gcp;
    private readonly EntraAccessTokens _entra;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _gitlab = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _aws = new(StringComparer.Ordinal);

    public ReaderCredentials(GcpTokenStore gcp, EntraAccessTokens entra, TimeProvider time)
    {
        _gcp = gcp;
        _entra = entra;
        _time = time;
    }

    /// <summary>The stand-in identity Entra reader tokens are issued to.</summary>
    public static AzureIdentity Reader { get; } = new()
    {
        Kind = AzureIdentityKind.Application,
        Name = "keyless-reader",
        ClientId = StableIds.Guid("reader", "client"),
        ObjectId = StableIds.Guid("reader", "object"),
        Source = new SourceRef("(emulator)", null),
    };

    public EmulatorResponse Handle(EmulatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.FromLoopback)
        {
            return Refuse(403, "forbidden", "The reader-token endpoint answers only callers on this machine.");
        }

        JsonObject? body;
        try
        {
            body = StrictJson.Parse(request.Body.Length == 0 ? "{}" : request.Body, 16) as JsonObject;
        }
        catch (JsonException e)
        {
            return Refuse(400, "invalid_request", "The body is not valid JSON: " + e.Message);
        }

        var api = body?["api"] is JsonValue a && a.TryGetValue<string>(out var name) ? name : null;
        var tenant = body?["tenant"] is JsonValue t && t.TryGetValue<string>(out var tid) ? tid : "organizations";
        var now = _time.GetUtcNow();
        string token;
        switch (api)
        {
            case "gcp":
                token = _gcp.Issue("ya29.a0", new IssuedToken(null, "keyless-reader", ["https://www.googleapis.com/auth/cloud-platform.read-only"], now, now + Lifetime));
                break;
            case "graph" or "arm":
                token = _entra.Issue(Reader, tenant, api == "graph" ? "https://graph.microsoft.com" : "https://management.azure.com/").Token;
                break;
            case "gitlab":
                token = "glpat-" + Base64Url.Encode(RandomNumberGenerator.GetBytes(15));
                _gitlab[token] = now + Lifetime;
                break;
            case "aws":
                return AwsKey(now);
            default:
                return Refuse(400, "invalid_request", "\"api\" must be one of gcp, graph, arm, gitlab, aws.");
        }

        return EmulatorResponse.Token(200, new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)Lifetime.TotalSeconds,
        });
    }

    /// <summary>Whether an access key id is one this emulator handed out and still live.</summary>
    public bool IsLiveAwsKey(string? keyId) =>
        keyId is not null && _aws.TryGetValue(keyId, out var expiry) && expiry > _time.GetUtcNow();

    /// <summary>Takes a key the emulator's STS handed out as a reader key until it expires.</summary>
    public void AdmitAwsKey(string keyId, DateTimeOffset expiry) => _aws[keyId] = expiry;

    // AWS readers sign with an access key: the answer has the shape of AWS's container credentials endpoint
    // (AccessKeyId, SecretAccessKey, Token, Expiration), which every AWS SDK reads. The secret lives only in the answer.
    private EmulatorResponse AwsKey(DateTimeOffset now)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var id = "AKIA" + string.Concat(RandomNumberGenerator.GetBytes(16).Select(b => Alphabet[b % 32]));
        _aws[id] = now + Lifetime;
        return EmulatorResponse.Token(200, new JsonObject
        {
            ["AccessKeyId"] = id,
            ["SecretAccessKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)),
            ["Token"] = string.Empty,
            ["Expiration"] = (now + Lifetime).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Whether a GitLab token is one this emulator handed out and still live.</summary>
    public bool IsLiveGitLabToken(string? token) =>
        token is not null && _gitlab.TryGetValue(token, out var expiry) && expiry > _time.GetUtcNow();

    private static EmulatorResponse Refuse(int status, string error, string description) =>
        EmulatorResponse.Json(status, new JsonObject { ["error"] = error, ["error_description"] = description });
}
