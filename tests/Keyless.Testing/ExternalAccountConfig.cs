using System.Text.Json.Nodes;

namespace Keyless.Testing;

/// <summary>
/// Google's <c>external_account</c> credential configuration with a file-sourced subject token, as
/// <c>gcloud iam workload-identity-pools create-cred-config</c> writes it but pointed at the emulator, for the tests
/// that hand it to Google's own clients (google-auth in gcloud, Google.Apis.Auth).
/// </summary>
public static class ExternalAccountConfig
{
    /// <summary>
    /// The configuration exchanging the token in <paramref name="tokenFile"/> at <paramref name="emu"/>'s STS for
    /// <paramref name="audience"/>, and, when <paramref name="serviceAccount"/> is given, impersonating it through the
    /// emulator's IAM Credentials.
    /// </summary>
    public static JsonObject FileSourced(RunningEmulator emu, string tokenFile, string? serviceAccount, string audience = TestTrust.StsAudience)
    {
        var config = new JsonObject
        {
            ["universe_domain"] = "googleapis.com",
            ["type"] = "external_account",
            ["audience"] = audience,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:jwt",
            ["token_url"] = emu.Https + "/v1/token",
            ["credential_source"] = new JsonObject { ["file"] = tokenFile, ["format"] = new JsonObject { ["type"] = "text" } },
        };
        if (serviceAccount is not null)
        {
            config["service_account_impersonation_url"] = $"{emu.Https}/v1/projects/-/serviceAccounts/{serviceAccount}:generateAccessToken";
        }

        return config;
    }
}
