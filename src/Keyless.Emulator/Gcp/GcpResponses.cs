using System.Text.Json.Nodes;
using Keyless.Emulator.Http;
using Keyless.Trust.Evaluation;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// The two error shapes Google uses: OAuth-style <c>{error, error_description}</c> from STS, and the Google API
/// <c>{"error":{code, message, status, details}}</c> from IAM Credentials (cloud-semantics A9).
/// </summary>
internal static class GcpResponses
{
    public static EmulatorResponse OAuthError(CloudError error) =>
        EmulatorResponse.Token(error.HttpStatus, new JsonObject { ["error"] = error.Error, ["error_description"] = error.Description });

    public static EmulatorResponse OAuthError(int status, string error, string description) =>
        OAuthError(new CloudError(status, error, description));

    public static EmulatorResponse ApiError(CloudError error)
    {
        var body = new JsonObject
        {
            ["code"] = error.HttpStatus,
            ["message"] = error.Description,
            ["status"] = error.Error,
        };
        if (error.Error == "PERMISSION_DENIED")
        {
            body["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = "IAM_PERMISSION_DENIED",
                ["domain"] = "iam.googleapis.com",
                ["metadata"] = new JsonObject { ["permission"] = "iam.serviceAccounts.getAccessToken" },
            });
        }

        return EmulatorResponse.Token(error.HttpStatus, new JsonObject { ["error"] = body });
    }

    public static EmulatorResponse ApiError(int code, string status, string message) => ApiError(new CloudError(code, status, message));
}
