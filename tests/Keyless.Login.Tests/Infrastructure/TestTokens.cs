using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Login.Tokens;

namespace Keyless.Login.Tests.Infrastructure;

/// <summary>
/// JWT-shaped test tokens for the checks that only decode: the header and claims are real, the signature is random
/// bytes (Keyless never verifies it; the emulator-backed tests use tokens the emulator signs).
/// </summary>
public static class TestTokens
{
    public const string ProjectNumber = "123456789012";
    public const string ServiceAccount = "deployer@acme-prod.iam.gserviceaccount.com";
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string Tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string MainSubject = "project_path:acme/payments:ref_type:branch:ref:main";
    public const string EntraAudience = "api://AzureADTokenExchange";
    public const string GcpAudience = "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com";
    public const string ProviderName = $"//iam.googleapis.com/projects/{ProjectNumber}/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com";

    public static string Compact(JsonObject claims, string kid = "test-key")
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = kid, ["typ"] = "JWT" };
        return Segment(header.ToJsonString()) + "." + Segment(claims.ToJsonString()) + "." + Base64Url(RandomNumberGenerator.GetBytes(256));
    }

    public static SubjectToken Token(JsonObject claims) => SubjectToken.Parse(Compact(claims), "$GITLAB_OIDC_TOKEN");

    /// <summary>A push pipeline on protected main of acme/payments, claims typed as GitLab types them.</summary>
    public static JsonObject Claims(string aud, DateTimeOffset now, string sub = MainSubject, string reference = "main", string refProtected = "true") => new()
    {
        ["namespace_id"] = "72",
        ["namespace_path"] = "acme",
        ["project_id"] = "4242",
        ["project_path"] = "acme/payments",
        ["user_login"] = "alice",
        ["pipeline_source"] = "push",
        ["ref"] = reference,
        ["ref_type"] = "branch",
        ["ref_protected"] = refProtected,
        ["runner_id"] = 7,
        ["jti"] = Guid.NewGuid().ToString(),
        ["iss"] = "https://gitlab.com",
        ["iat"] = now.ToUnixTimeSeconds(),
        ["nbf"] = now.ToUnixTimeSeconds() - 5,
        ["exp"] = now.ToUnixTimeSeconds() + 3600,
        ["sub"] = sub,
        ["aud"] = aud,
    };

    private static string Segment(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
