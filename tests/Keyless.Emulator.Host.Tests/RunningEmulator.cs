using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Keyless.Emulator.Logging;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Host.Tests;

/// <summary>
/// The emulator on real loopback sockets (free ports, a fresh certificate in a temporary folder), on the real clock
/// because real clients check token lifetimes against it. The decision log is captured.
/// </summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly StringWriter _log;

    private RunningEmulator(EmulatorCore core, EmulatorHost host, string directory, StringWriter log)
    {
        _log = log;
        Core = core;
        Host = host;
        Directory = directory;
    }

    public EmulatorCore Core { get; }

    public EmulatorHost Host { get; }

    /// <summary>A scratch folder for credential configs and client state, deleted on dispose.</summary>
    public string Directory { get; }

    public string Http => Host.HttpUrl.ToString().TrimEnd('/');

    public string Https => Host.HttpsUrl.ToString().TrimEnd('/');

    /// <summary>The decision log so far (written through a synchronized wrapper, read after the requests).</summary>
    public string Log => _log.ToString();

    public static async Task<RunningEmulator> StartAsync(TrustSet? trust = null, LogFormat format = LogFormat.Text)
    {
        var directory = Path.Combine(Path.GetTempPath(), "keyless-emu-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var log = new StringWriter();
        var core = new EmulatorCore(trust ?? HostTestTrust.Create(), new EmulatorOptions { Log = new DecisionLog(TextWriter.Synchronized(log), format) }, TimeProvider.System);
        var host = await EmulatorHost.StartAsync(core, new EmulatorHostOptions
        {
            HttpPort = 0,
            HttpsPort = 0,
            CertificateDirectory = Path.Combine(directory, "cert"),
        }, TimeProvider.System);
        return new RunningEmulator(core, host, directory, log);
    }

    /// <summary>An HttpClient that trusts exactly this emulator's certificate.</summary>
    public HttpClient Client() => new(PinnedHandler());

    public HttpClientHandler PinnedHandler()
    {
        var thumbprint = Host.Certificate.Thumbprint;
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        };
    }

    public async Task<string> MintAsync(JsonObject claims, int? timeout = null)
    {
        using var client = Client();
        var body = new JsonObject { ["claims"] = claims.DeepClone() };
        if (timeout is { } t)
        {
            body["job_timeout_seconds"] = t;
        }

        using var response = await client.PostAsJsonAsync(Https + "/-/keyless/mint", body);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, json?.ToJsonString());
        return json!["token"]!.GetValue<string>();
    }

    public X509Certificate2 Certificate => Host.Certificate;

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
            // A client may still hold a file open; the temporary folder is cleaned up by the system.
        }
    }
}
