using System.Globalization;
using System.Text.Json.Nodes;
using Keyless.Emulator.Http;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// Google API errors as IAM and Cloud Resource Manager send them: <c>{"error": {code, message, status, details}}</c>
/// (the discovery documents' <c>Status</c> schema), a 403 carrying an <c>ErrorInfo</c> that names the missing
/// permission in <c>metadata.permission</c>. Where Google's exact words are not known the message ends in
/// <c>(emulator)</c>.
/// </summary>
internal static class GoogleApiErrors
{
    public const string Unauthenticated =
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.";

    public static EmulatorResponse ForStatus(int status, string domain, string permission, string resource) => status switch
    {
        401 => Error(401, "UNAUTHENTICATED", Unauthenticated),
        403 => Denied(domain, permission, resource),
        404 => Error(404, "NOT_FOUND", $"Requested entity was not found: {resource} (emulator)."),
        429 => Error(429, "RESOURCE_EXHAUSTED", $"Quota exceeded for read requests of service '{domain}' (emulator)."),
        >= 500 => Error(status, "UNAVAILABLE", "The service is currently unavailable."),
        _ => Error(status, "FAILED_PRECONDITION", $"The request failed with HTTP {status.ToString(CultureInfo.InvariantCulture)} (emulator)."),
    };

    public static EmulatorResponse Denied(string domain, string permission, string resource) =>
        EmulatorResponse.Json(403, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = 403,
                ["message"] = $"Permission '{permission}' denied on resource '{resource}' (or it may not exist).",
                ["status"] = "PERMISSION_DENIED",
                ["details"] = new JsonArray(new JsonObject
                {
                    ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                    ["reason"] = "IAM_PERMISSION_DENIED",
                    ["domain"] = domain,
                    ["metadata"] = new JsonObject { ["permission"] = permission, ["resource"] = resource },
                }),
            },
        });

    public static EmulatorResponse Error(int code, string status, string message) =>
        EmulatorResponse.Json(code, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status },
        });
}
