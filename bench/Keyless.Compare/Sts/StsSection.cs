using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Keyless.Compare.CelEval;

namespace Keyless.Compare.Sts;

/// <summary>
/// sts-exchange: <c>keyless emulate</c>'s <c>POST /v1/token</c>, run as its own process like the node peer, with
/// its decision log going to a file (parse the form, verify the RS256 subject token
/// against the issuer key, run the attribute mapping and the workload's first condition, issue a federated token)
/// against oauth2-mock-server's <c>POST /token</c> (client credentials: build and RS256-sign a JWT with the same
/// claims). Same client, same loopback HTTP, same count and concurrency; every answer must be a 200.
/// </summary>
public static class StsSection
{
    private const string ProjectNumber = "123456789012";
    private const string Audience = "https://gitlab.com";

    public static async Task RunAsync(CompareOptions options, Report report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        var workload = CelWorkload.Load(options.Workload("cel.json"));
        var client = new LoadClient(options.StsConcurrency);
        // Both servers are fresh processes: a warm-up long enough for the JIT (tiered compilation, V8) to settle.
        var warmup = Math.Max(1000, options.StsRequests / 5);

        var keyless = await KeylessAsync(options, workload, client, warmup).ConfigureAwait(false);
        var peer = await OAuth2MockServerAsync(options, client, warmup).ConfigureAwait(false);
        foreach (var (engine, result) in new[] { ("Keyless emulate (STS)", keyless), ("oauth2-mock-server 9.3.0", peer) })
        {
            if (result.Failures > 0)
            {
                throw new InvalidOperationException($"{engine}: {result.Failures} of {result.Requests} exchanges failed; first: {result.FirstFailure}");
            }

            report.Add(new Row($"sts-exchange x{result.Requests} c{options.StsConcurrency}", engine, result.PerSecond, "req/s",
                $"{Report.Format(result.MicrosecondsPerRequest)} us/req"));
        }

        report.Summary("speedup sts-exchange vs oauth2-mock-server", keyless.PerSecond / peer.PerSecond);
    }

    private static async Task<LoadResult> KeylessAsync(CompareOptions options, CelWorkload workload, LoadClient client, int warmup)
    {
        var trustDirectory = WriteTrust(Path.Combine(options.WorkDirectory, "sts-trust"), workload.Cases[0].Expression);
        await using var emulator = await EmulateProcess.StartAsync(options, trustDirectory).ConfigureAwait(false);
        var baseUrl = emulator.HttpUrl;

        var claims = workload.Claims.DeepClone().AsObject();
        claims["aud"] = Audience;
        claims.Remove("sub");
        using var http = new HttpClient();
        using var minted = await http.PostAsJsonAsync(new Uri(baseUrl + "/-/keyless/mint"), new JsonObject { ["claims"] = claims }).ConfigureAwait(false);
        var token = (await minted.Content.ReadFromJsonAsync<JsonObject>().ConfigureAwait(false))!["token"]!.GetValue<string>();

        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["audience"] = $"//iam.googleapis.com/projects/{ProjectNumber}/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com",
            ["scope"] = "https://www.googleapis.com/auth/cloud-platform",
            ["requested_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
            ["subject_token"] = token,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:jwt",
        }.ToList();
        var url = new Uri(baseUrl + "/v1/token");
        var warm = client.Run(url, form, warmup);
        return warm.Failures > 0 ? warm : client.Run(url, form, options.StsRequests);
    }

    private static async Task<LoadResult> OAuth2MockServerAsync(CompareOptions options, LoadClient client, int warmup)
    {
        using var server = Processes.Start("node", ["oauth2-peer.mjs", options.Workload("cel.json")], options.NpmDirectory);
        try
        {
            var line = await server.StandardOutput.ReadLineAsync().ConfigureAwait(false)
                ?? throw new InvalidOperationException("oauth2-peer.mjs exited: " + await server.StandardError.ReadToEndAsync().ConfigureAwait(false));
            var url = new Uri(JsonNode.Parse(line)!["url"]!.GetValue<string>() + "/token");
            KeyValuePair<string, string>[] form = [new("grant_type", "client_credentials"), new("scope", "https://www.googleapis.com/auth/cloud-platform")];
            var warm = client.Run(url, form, warmup);
            return warm.Failures > 0 ? warm : client.Run(url, form, options.StsRequests);
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(5000))
            {
                server.Kill();
            }
        }
    }

    // One pool, one provider whose condition is the workload's GitLab-guidance expression, as gcloud describes them.
    private static string WriteTrust(string directory, string condition)
    {
        Directory.CreateDirectory(directory);
        var pool = $"projects/{ProjectNumber}/locations/global/workloadIdentityPools/gitlab";
        File.WriteAllText(Path.Combine(directory, "pool.gcloud.json"), new JsonObject
        {
            ["displayName"] = "GitLab",
            ["name"] = pool,
            ["state"] = "ACTIVE",
        }.ToJsonString());
        File.WriteAllText(Path.Combine(directory, "provider.gcloud.json"), new JsonObject
        {
            ["attributeCondition"] = condition,
            ["attributeMapping"] = new JsonObject
            {
                ["google.subject"] = "assertion.sub",
                ["attribute.project_id"] = "assertion.project_id",
            },
            ["displayName"] = "GitLab",
            ["name"] = pool + "/providers/gitlab-com",
            ["oidc"] = new JsonObject { ["issuerUri"] = Audience + "/", ["allowedAudiences"] = new JsonArray(Audience) },
            ["state"] = "ACTIVE",
        }.ToJsonString());
        return directory;
    }
}
