using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

public sealed class ExplainCommandTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Examples, name);

    [Fact]
    public async Task Json_has_one_decision_per_identity_and_allows_the_protected_main_token()
    {
        var run = await KeylessProcess.RunAsync("explain", "--claims", Example("tokens/main-protected.json"), "--format", "json", Example("gcp-hardened-gcloud"));
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.StdOut)!;
        Assert.Equal(1, json["version"]!.GetValue<int>());
        var decision = Assert.Single(json["decisions"]!.AsArray());
        Assert.Equal("allow", decision!["decision"]!.GetValue<string>());
        Assert.Equal("gcp", decision["cloud"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deny_names_the_aadsts_code_and_the_claim_and_exits_1()
    {
        var run = await KeylessProcess.RunAsync("explain", "--claims", Example("tokens/feature-branch-azure.json"), Example("azure-hardened-graph"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("DENY", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("AADSTS700213", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("Claim sub is", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_is_refused_with_exit_2()
    {
        var run = await KeylessProcess.RunAsync("explain", "--claims", Example("tokens/main-protected.json"), "--format", "sarif", Example("gcp-hardened-gcloud"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("explain has no findings", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_exits_2_with_the_file_and_no_stack_trace()
    {
        var dir = Directory.CreateTempSubdirectory("keyless-explain");
        var bad = Path.Combine(dir.FullName, "bad.json");
        await File.WriteAllTextAsync(bad, """{"name": "projects/1/locations/global/workloadIdentityPools/p/providers/x", "oidc": {"allowedAudiences": [1]}}""", TestContext.Current.CancellationToken);
        var run = await KeylessProcess.RunAsync("explain", "--claims", Example("tokens/main-protected.json"), bad);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.json", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("$.oidc.allowedAudiences[0]", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_from_stdin_is_decided_and_never_echoed()
    {
        var claims = JsonNode.Parse(await File.ReadAllTextAsync(Example("tokens/main-protected.json"), TestContext.Current.CancellationToken))!.AsObject();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        claims["iat"] = now;
        claims["nbf"] = now - 5;
        claims["exp"] = now + 3600;
        var jwt = B64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + B64(claims.ToJsonString()) + "." + B64("not-a-real-signature");
        var run = await KeylessProcess.RunAsync(["explain", "--token", "-", Example("gcp-hardened-gcloud")], stdin: jwt);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(jwt, run.StdOut + run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_times_is_stale_as_STS_says_though_the_same_claims_file_is_allowed()
    {
        // A claims file written by hand has no times; a real token must carry iat and exp.
        var claims = await File.ReadAllTextAsync(Example("tokens/main-protected.json"), TestContext.Current.CancellationToken);
        var jwt = B64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + B64(JsonNode.Parse(claims)!.ToJsonString()) + "." + B64("not-a-real-signature");

        var token = await KeylessProcess.RunAsync(["explain", "--token", "-", "--format", "json", Example("gcp-hardened-gcloud")], stdin: jwt);
        var file = await KeylessProcess.RunAsync("explain", "--claims", Example("tokens/main-protected.json"), Example("gcp-hardened-gcloud"));

        Assert.Equal(1, token.ExitCode);
        Assert.Contains("is stale to sign-in", token.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, file.ExitCode);
    }

    private static string B64(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
