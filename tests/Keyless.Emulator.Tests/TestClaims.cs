using System.Text.Json.Nodes;

namespace Keyless.Emulator.Tests;

/// <summary>Claims of a push pipeline on protected main of acme/payments, typed as GitLab types them.</summary>
public static class TestClaims
{
    public static JsonObject MainBranch(string aud = TestTrust.GcpAudience) => new()
    {
        ["namespace_id"] = "72",
        ["namespace_path"] = "acme",
        ["project_id"] = "4242",
        ["project_path"] = "acme/payments",
        ["user_id"] = "1",
        ["user_login"] = "alice",
        ["pipeline_id"] = "900",
        ["pipeline_source"] = "push",
        ["job_id"] = "901",
        ["ref"] = "main",
        ["ref_type"] = "branch",
        ["ref_path"] = "refs/heads/main",
        ["ref_protected"] = "true",
        ["runner_id"] = 7,
        ["runner_environment"] = "gitlab-hosted",
        ["sha"] = "0123456789abcdef0123456789abcdef01234567",
        ["project_visibility"] = "private",
        ["aud"] = aud,
    };

    public static JsonObject With(this JsonObject claims, string name, JsonNode? value)
    {
        var copy = (JsonObject)claims.DeepClone();
        copy[name] = value;
        return copy;
    }
}
