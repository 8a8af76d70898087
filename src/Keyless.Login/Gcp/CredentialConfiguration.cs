using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Trust.Evaluation;

namespace Keyless.Login.Gcp;

/// <summary>
/// The <c>external_account</c> credential configuration, field for field and in the order that
/// <c>gcloud iam workload-identity-pools create-cred-config</c> writes it (cloud-semantics A10), so gcloud,
/// Terraform's google provider and every Google client library read it: they exchange the token file at
/// <c>token_url</c> and, with a service account, impersonate it at <c>service_account_impersonation_url</c>.
/// </summary>
public static class CredentialConfiguration
{
    public const string UniverseDomain = "googleapis.com";

    /// <summary>
    /// Builds the configuration. <paramref name="lifetimeSeconds"/> is written only when given, as gcloud writes
    /// <c>service_account_impersonation</c> only for <c>--service-account-token-lifetime-seconds</c>; without a
    /// service account, gcloud writes <c>token_info_url</c> instead of the impersonation URL.
    /// </summary>
    public static JsonObject Build(GcpProviderName provider, string? serviceAccount, string tokenFile, Uri stsUrl, Uri iamCredentialsUrl, int? lifetimeSeconds)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(tokenFile);
        ArgumentNullException.ThrowIfNull(stsUrl);
        ArgumentNullException.ThrowIfNull(iamCredentialsUrl);
        var config = new JsonObject
        {
            ["universe_domain"] = UniverseDomain,
            ["type"] = "external_account",
            ["audience"] = provider.StsAudience,
            ["subject_token_type"] = OAuthUrns.JwtTokenType,
            ["token_url"] = stsUrl.AbsoluteUri,
            ["credential_source"] = new JsonObject
            {
                ["file"] = Path.GetFullPath(tokenFile),
                ["format"] = new JsonObject { ["type"] = "text" },
            },
        };
        if (serviceAccount is null)
        {
            config["token_info_url"] = StsClient.IntrospectUrl(stsUrl).AbsoluteUri;
            return config;
        }

        config["service_account_impersonation_url"] = IamCredentialsClient.GenerateAccessTokenUrl(iamCredentialsUrl, serviceAccount).AbsoluteUri;
        if (lifetimeSeconds is { } lifetime)
        {
            config["service_account_impersonation"] = new JsonObject { ["token_lifetime_seconds"] = lifetime };
        }

        return config;
    }

    /// <summary>The text gcloud writes: <c>json.dumps(config, indent=2)</c>.</summary>
    public static string Render(JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
