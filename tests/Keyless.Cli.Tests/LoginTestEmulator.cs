using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Emulator;
using Keyless.Emulator.Host;
using Keyless.Formats.Inputs;

namespace Keyless.Cli.Tests;

/// <summary>
/// The emulator on loopback with the example trust (examples/gitlab-ci/trust.json), for running the real
/// <c>keyless login</c> binary against it: the commands trust it through <c>--ca-file</c>, as a user would.
/// </summary>
public sealed class LoginTestEmulator : IAsyncDisposable
{
    public const string Trust = "examples/gitlab-ci/trust.json";
    public const string Provider = "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com";
    public const string ServiceAccount = "deployer@acme-prod.iam.gserviceaccount.com";
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string Tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string MainSubject = "project_path:acme/payments:ref_type:branch:ref:main";

    private LoginTestEmulator(EmulatorCore core, EmulatorHost host, string directory)
    {
        Core = core;
        Host = host;
        Directory = directory;
    }

    public EmulatorCore Core { get; }

    public EmulatorHost Host { get; }

    public string Directory { get; }

    public string Https => Host.HttpsUrl.ToString().TrimEnd('/');

    public static async Task<LoginTestEmulator> StartAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("keyless-login-cli-").FullName;
        var core = new EmulatorCore(TrustLoader.Load([Path.Combine(RepoPaths.Root, Trust)]), new EmulatorOptions { IssuerUrl = "https://gitlab.com" }, TimeProvider.System);
        var host = await EmulatorHost.StartAsync(core, new EmulatorHostOptions
        {
            HttpPort = 0,
            HttpsPort = 0,
            CertificateDirectory = Path.Combine(directory, "cert"),
        }, TimeProvider.System);
        return new LoginTestEmulator(core, host, directory);
    }

    /// <summary>The options that point a login command at this emulator.</summary>
    public string[] GcpEndpoints => ["--sts-url", Https + "/v1/token", "--iamcredentials-url", Https + "/v1", "--ca-file", Host.CertificatePath];

    public string[] AzureEndpoints => ["--authority-host", Https, "--ca-file", Host.CertificatePath];

    /// <summary>A job token for acme/payments (GitLab's claim types), signed by the emulator's issuer.</summary>
    public async Task<string> MintAsync(string aud, string sub = MainSubject)
    {
        var thumbprint = Host.Certificate.Thumbprint;
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Thumbprint == thumbprint };
        using var client = new HttpClient(handler);
        var claims = new JsonObject
        {
            ["namespace_id"] = "72",
            ["namespace_path"] = "acme",
            ["project_id"] = "4242",
            ["project_path"] = "acme/payments",
            ["ref"] = "main",
            ["ref_type"] = "branch",
            ["ref_protected"] = "true",
            ["pipeline_source"] = "push",
            ["sub"] = sub,
            ["aud"] = aud,
        };
        using var response = await client.PostAsJsonAsync(Https + "/-/keyless/mint", new JsonObject { ["claims"] = claims });
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, json?.ToJsonString());
        return json!["token"]!.GetValue<string>();
    }

    /// <summary>Asserts that nothing the command printed carries the token or its signature.</summary>
    public static void AssertNoToken(KeylessRun run, string token)
    {
        var printed = run.StdOut + run.StdErr;
        Assert.DoesNotContain(token, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], printed, StringComparison.Ordinal);
    }

    /// <summary>A random string shaped like a JWT that is not one GitLab would mint (bad payload).</summary>
    public static string NotAJwt() =>
        "eyJhbGciOiJSUzI1NiJ9." + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)) + "!." + Convert.ToBase64String(Encoding.UTF8.GetBytes("sig"));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Core.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
