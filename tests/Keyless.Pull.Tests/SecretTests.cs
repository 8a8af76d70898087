using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Pull.Auth;

namespace Keyless.Pull.Tests;

/// <summary>Secrets are read in memory only: no file a pull writes, and nothing it reports, holds one.</summary>
public sealed class SecretTests
{
    // Generated here, never real: a GitLab token shape and an RSA private key.
    private static readonly string Token = "glpat-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'a').Replace('/', 'b').TrimEnd('=');

    private static readonly string PrivateKey = RSA.Create(2048).ExportPkcs8PrivateKeyPem();

    [Fact]
    public async Task Variable_values_are_scanned_and_never_written()
    {
        var variables = new JsonArray(
            Variable("DEPLOY_TOKEN", Token, masked: true),
            Variable("SIGNING_KEY", PrivateKey, masked: false),
            Variable("REGION", "europe-west1", masked: false));
        using var pull = new EmulatedPull(TrustLoader.Load([RepoFolders.Example("azure-hardened-graph")]), o => o with
        {
            GitLabVariables = new Dictionary<string, JsonArray> { ["acme/payments"] = variables },
        });
        var outcome = await pull.GitLabAsync(["acme/payments"]);
        Assert.Equal(PullOutcome.Complete, outcome.ExitCode);
        Assert.Equal(["DEPLOY_TOKEN", "SIGNING_KEY"], outcome.Secrets.Select(s => s.Variable).Order(StringComparer.Ordinal));

        var keyBody = PrivateKey.Split('\n')[1];
        foreach (var (file, text) in pull.Files())
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(keyBody, text, StringComparison.Ordinal);
            Assert.DoesNotContain("europe-west1", text, StringComparison.Ordinal);
        }

        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(pull.Folder, "gitlab", "acme", "payments", "variables.page-1.json")))!.AsArray();
        Assert.All(written, v => Assert.Null(v!["value"]));
        Assert.Contains("fingerprint", written[0]!["keyless_scan"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(outcome.Secrets, s => Assert.DoesNotContain(Token, s.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_response_that_holds_a_key_is_held_back_and_named()
    {
        var project = new JsonObject
        {
            ["id"] = 7,
            ["path_with_namespace"] = "acme/leaky",
            ["description"] = "deploy with " + Token,
        };
        using var handler = new StubHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/projects/acme%2Fleaky", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, project.ToJsonString())
            : (HttpStatusCode.OK, "[]"));
        var folder = Path.Combine(Path.GetTempPath(), "keyless-pull-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var puller = new Puller(folder, new PullEndpoints { GitLab = new Uri("https://gitlab.example.com/") }, new PullOptions(), handler);
            var outcome = await puller.PullGitLabAsync(["acme/leaky"], [], false, new StaticTokenSource("t", "test token"), CancellationToken.None);
            Assert.Equal(PullOutcome.Partial, outcome.ExitCode);
            var failure = Assert.Single(outcome.Failures);
            Assert.Contains("was not written", failure.Reason, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "gitlab", "acme", "leaky", "project.json")));
            Assert.All(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories),
                f => Assert.DoesNotContain(Token, File.ReadAllText(f), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject Variable(string key, string value, bool masked) => new()
    {
        ["variable_type"] = "env_var",
        ["key"] = key,
        ["value"] = value,
        ["protected"] = false,
        ["masked"] = masked,
        ["hidden"] = false,
        ["raw"] = false,
        ["environment_scope"] = "*",
        ["description"] = null,
    };

    private sealed class StubHandler(Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, body) = answer(request);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
