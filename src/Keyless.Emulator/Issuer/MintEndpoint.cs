using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Emulator.Logging;
using Keyless.Trust.Claims;
using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Issuer;

/// <summary>
/// <c>POST /-/keyless/mint</c> with <c>{"claims":{…}, "job_timeout_seconds":N?, "sub_claim_components":[…]?}</c>:
/// a signed token back as <c>{"token":"…"}</c>. Loopback callers only: anyone who can mint can pass every check.
/// </summary>
public sealed class MintEndpoint
{
    public const string Path = "/-/keyless/mint";

    private readonly GitLabTokenMinter _minter;
    private readonly DecisionLog _log;
    private readonly TimeProvider _time;

    public MintEndpoint(GitLabTokenMinter minter, DecisionLog log, TimeProvider time)
    {
        _minter = minter;
        _log = log;
        _time = time;
    }

    public EmulatorResponse Handle(EmulatorRequest request)
    {
        if (!request.FromLoopback)
        {
            return Refuse(403, "forbidden", "The mint endpoint answers only callers on this machine.");
        }

        JsonObject? body;
        try
        {
            body = StrictJson.Parse(request.Body, 64) as JsonObject;
        }
        catch (JsonException e)
        {
            return Refuse(400, "invalid_request", "The body is not valid JSON: " + e.Message);
        }

        if (body?["claims"] is not JsonObject claims)
        {
            return Refuse(400, "invalid_request", "The body must be a JSON object with a \"claims\" object.");
        }

        int? timeout = null;
        if (body["job_timeout_seconds"] is { } t)
        {
            if (t is not JsonValue tv || !tv.TryGetValue<int>(out var seconds))
            {
                return Refuse(400, "invalid_request", "job_timeout_seconds must be an integer.");
            }

            timeout = seconds;
        }

        IReadOnlyList<string>? components = null;
        if (body["sub_claim_components"] is { } c)
        {
            if (c is not JsonArray array || array.Any(e => e is not JsonValue v || !v.TryGetValue<string>(out _)))
            {
                return Refuse(400, "invalid_request", "sub_claim_components must be an array of strings.");
            }

            components = [.. array.Select(e => e!.GetValue<string>())];
        }

        var result = _minter.Mint(new MintRequest((JsonObject)claims.DeepClone(), timeout, components));
        if (result.Token is null)
        {
            return Refuse(400, "invalid_request", result.Error!);
        }

        var sub = Keyless.Emulator.Verification.JwtVerifier.Read(result.Token).Claims?[GitLabClaimNames.Subject]?.ToString();
        _log.Write(new Decision(_time.GetUtcNow(), "issuer.mint", true, "sub " + sub, null, null, []));
        return EmulatorResponse.Token(200, new JsonObject { ["token"] = result.Token });
    }

    private EmulatorResponse Refuse(int status, string error, string description)
    {
        _log.Write(new Decision(_time.GetUtcNow(), "issuer.mint", false, null, error, description, []));
        return EmulatorResponse.Token(status, new JsonObject { ["error"] = error, ["error_description"] = description });
    }
}
