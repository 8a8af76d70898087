using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Keyless.Emulator;
using Keyless.Emulator.Host;
using Keyless.Emulator.Logging;
using Keyless.Formats.Inputs;
using Keyless.Login.Http;
using Keyless.Trust.Model;

namespace Keyless.Login.Tests.Infrastructure;

/// <summary>
/// The Keyless emulator on loopback (free ports, a fresh self-signed certificate written as PEM), loaded with the
/// example trust, on the real clock because real clients check lifetimes against it. Its decision log is kept.
/// </summary>
public sealed class LoginEmulator : IAsyncDisposable
{
    private readonly StringWriter _log;

    private LoginEmulator(EmulatorCore core, EmulatorHost host, TrustSet trust, string directory, StringWriter log)
    {
        Core = core;
        Host = host;
        Trust = trust;
        Directory = directory;
        _log = log;
    }

    public EmulatorCore Core { get; }

    public EmulatorHost Host { get; }

    public TrustSet Trust { get; }

    /// <summary>A scratch folder, deleted on dispose.</summary>
    public string Directory { get; }

    public string Https => Host.HttpsUrl.ToString().TrimEnd('/');

    public string CertificatePath => Host.CertificatePath;

    public Uri StsUrl => new(Https + "/v1/token");

    public Uri IamCredentialsUrl => new(Https + "/v1");

    public Uri AuthorityHost => new(Https);

    public string Log => _log.ToString();

    public static async Task<LoginEmulator> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "keyless-login-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var trust = TrustLoader.Load([Repo.ExampleTrust]);
        var log = new StringWriter();
        var core = new EmulatorCore(trust, new EmulatorOptions
        {
            IssuerUrl = "https://gitlab.com",
            Log = new DecisionLog(TextWriter.Synchronized(log), LogFormat.Text),
        }, TimeProvider.System);
        var host = await EmulatorHost.StartAsync(core, new EmulatorHostOptions
        {
            HttpPort = 0,
            HttpsPort = 0,
            CertificateDirectory = Path.Combine(directory, "cert"),
        }, TimeProvider.System);
        return new LoginEmulator(core, host, trust, directory, log);
    }

    /// <summary>The client the login commands use, trusting the emulator through its PEM, as --ca-file does.</summary>
    public LoginHttpClient Client() => new(TimeProvider.System, CertificatePath);

    /// <summary>A token signed by the emulator's issuer for <paramref name="claims"/> (its iss, iat, exp are GitLab's).</summary>
    public async Task<string> MintAsync(JsonObject claims)
    {
        var thumbprint = Host.Certificate.Thumbprint;
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Thumbprint == thumbprint };
        using var client = new HttpClient(handler);
        var given = (JsonObject)claims.DeepClone();
        foreach (var generated in new[] { "iss", "iat", "nbf", "exp", "jti" })
        {
            given.Remove(generated);
        }

        using var response = await client.PostAsJsonAsync(Https + "/-/keyless/mint", new JsonObject { ["claims"] = given });
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, json?.ToJsonString());
        return json!["token"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Core.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A client may still hold a file; the system cleans its temporary folder.
        }
    }
}
