using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Logging;
using Keyless.Trust.Evaluation;
using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// <c>POST /v1/projects/-/serviceAccounts/{email}:generateAccessToken</c> (cloud-semantics A8): the federated
/// token from STS as the bearer, the principal's IAM binding on the service account decided by
/// <see cref="GcpEvaluator.Impersonate"/>, camelCase <c>{accessToken, expireTime}</c> back.
/// </summary>
public sealed class IamCredentialsEndpoint
{
    public const string Suffix = ":generateAccessToken";

    /// <summary>The default and, without the lifetime-extension org policy, the maximum.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    private readonly GcpEvaluator _evaluator;
    private readonly GcpTokenStore _store;
    private readonly DecisionLog _log;
    private readonly TimeProvider _time;

    public IamCredentialsEndpoint(GcpEvaluator evaluator, GcpTokenStore store, DecisionLog log, TimeProvider time)
    {
        _evaluator = evaluator;
        _store = store;
        _log = log;
        _time = time;
    }

    /// <summary>The service account email in <c>/v1/projects/{p}/serviceAccounts/{email}:generateAccessToken</c>, or null.</summary>
    public static string? ServiceAccountOf(string path)
    {
        var segments = path.Split('/');
        if (segments.Length != 6 || segments[0].Length != 0 || segments[1] != "v1" || segments[2] != "projects"
            || segments[4] != "serviceAccounts" || !segments[5].EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var email = segments[5][..^Suffix.Length];
        return email.Length > 0 ? email : null;
    }

    public EmulatorResponse Handle(EmulatorRequest request, string serviceAccount)
    {
        var bearer = request.Authorization is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? auth["Bearer ".Length..].Trim()
            : null;
        var token = _store.Find(bearer);
        if (token?.Principal is not { } principal)
        {
            var why = bearer is null
                ? "The request has no Authorization: Bearer header."
                : "The bearer token is not a live federated token from this emulator's STS (unknown, expired, or a service account token).";
            return Deny(serviceAccount, new CloudError(401, "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project."), [why]);
        }

        var (body, bodyError) = ParseBody(request.Body);
        if (body is null)
        {
            return Deny(serviceAccount, new CloudError(400, "INVALID_ARGUMENT", bodyError!), []);
        }

        var scopes = body["scope"] is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
        if (scopes.Count == 0)
        {
            return Deny(serviceAccount, new CloudError(400, "INVALID_ARGUMENT", "Scope required. (emulator)"), []);
        }

        if (body["delegates"] is JsonArray { Count: > 0 })
        {
            return Deny(serviceAccount, new CloudError(400, "INVALID_ARGUMENT", "Delegation chains are not emulated. (emulator)"), []);
        }

        var (lifetime, lifetimeError) = ParseLifetime(body["lifetime"], serviceAccount);
        if (lifetimeError is not null)
        {
            return Deny(serviceAccount, lifetimeError, []);
        }

        var result = _evaluator.Impersonate(principal, serviceAccount);
        if (!result.Allowed)
        {
            var error = result.Error ?? new CloudError(403, "PERMISSION_DENIED",
                "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).");
            return Deny(serviceAccount, error, result.Reasons);
        }

        var now = _time.GetUtcNow();
        var expiry = now + lifetime;
        var accessToken = _store.Issue("ya29.c.", new IssuedToken(null, serviceAccount, scopes, now, expiry));
        _log.Write(new Decision(now, "gcp.generateAccessToken", true, serviceAccount, null, null,
            [$"{principal.PrincipalIdentifier} may impersonate {serviceAccount}" + (result.MatchedBinding is { } b ? $" ({b})." : "."), .. result.Reasons]));
        return EmulatorResponse.Token(200, new JsonObject
        {
            ["accessToken"] = accessToken,

            // google-auth parses exactly %Y-%m-%dT%H:%M:%SZ: whole seconds, no fraction.
            ["expireTime"] = expiry.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        });
    }

    private static (JsonObject? Body, string? Error) ParseBody(string body)
    {
        try
        {
            return StrictJson.Parse(body, 16) is JsonObject obj
                ? (obj, null)
                : (null, "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            return (null, "Invalid JSON payload received. " + e.Message);
        }
    }

    // A google.protobuf.Duration string such as "3600s"; the default is an hour.
    private static (TimeSpan Lifetime, CloudError? Error) ParseLifetime(JsonNode? node, string serviceAccount)
    {
        if (node is null)
        {
            return (MaxLifetime, null);
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || !text.EndsWith('s')
            || !decimal.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return (default, new CloudError(400, "INVALID_ARGUMENT", $"Invalid value at 'lifetime' ({node.ToJsonString()}), expected a duration such as \"3600s\". (emulator)"));
        }

        if (seconds <= 0)
        {
            return (default, new CloudError(400, "INVALID_ARGUMENT", "Lifetime of access token must be larger then zero."));
        }

        if (seconds > (decimal)MaxLifetime.TotalSeconds)
        {
            return (default, new CloudError(400, "INVALID_ARGUMENT",
                $"Access tokens for {serviceAccount} can not have lifetimes of more than 1 hour. Use the Org Policy Constraint constraints/iam.allowServiceAccountCredentialLifetimeExtension to allow up to 12 hours."));
        }

        return (TimeSpan.FromSeconds((double)seconds), null);
    }

    private EmulatorResponse Deny(string serviceAccount, CloudError error, IReadOnlyList<string> reasons)
    {
        var lines = reasons.Count > 0 ? reasons : [$"{error.Error}: {error.Description}"];
        _log.Write(new Decision(_time.GetUtcNow(), "gcp.generateAccessToken", false, serviceAccount, error.Error, error.Description, lines));
        return GcpResponses.ApiError(error);
    }
}
