using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Keyless.Emulator;
using Keyless.Emulator.Host;
using Keyless.Emulator.Logging;
using Keyless.Trust.Model;

namespace Keyless.Testing;

/// <summary>
/// The emulator on real loopback sockets (free ports, a fresh self-signed certificate written as PEM in a temporary
/// folder), on the real clock because real clients check token lifetimes against it, with its decision log kept.
/// The emulator, login and client tests all start it this way, so there is one place that knows how.
/// </summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    // The claims GitLab sets itself when it signs: the mint endpoint sets them as GitLab does.
    private static readonly string[] IssuerSetClaims = ["iss", "iat", "nbf", "exp", "jti"];

    private readonly StringWriter _log;

    private RunningEmulator(EmulatorCore core, EmulatorHost host, TrustSet trust, string directory, StringWriter log)
    {
        _log = log;
        Core = core;
        Host = host;
        Trust = trust;
        Directory = directory;
    }

    public EmulatorCore Core { get; }

    public EmulatorHost Host { get; }

    /// <summary>The trust the emulator enforces.</summary>
    public TrustSet Trust { get; }

    /// <summary>A scratch folder for credential configs and client state, deleted on dispose.</summary>
    public string Directory { get; }

    public string Http => Host.HttpUrl.ToString().TrimEnd('/');

    public string Https => Host.HttpsUrl.ToString().TrimEnd('/');

    /// <summary>The emulator's certificate as a PEM file, for clients that take a CA file.</summary>
    public string CertificatePath => Host.CertificatePath;

    public X509Certificate2 Certificate => Host.Certificate;

    /// <summary>GCP's STS token endpoint.</summary>
    public Uri StsUrl => new(Https + "/v1/token");

    /// <summary>The IAM Credentials API root (<c>…/projects/-/serviceAccounts/SA:generateAccessToken</c> below it).</summary>
    public Uri IamCredentialsUrl => new(Https + "/v1");

    /// <summary>The Entra authority host (tenants below it).</summary>
    public Uri AuthorityHost => new(Https);

    /// <summary>The decision log so far (written through a synchronized wrapper, read after the requests).</summary>
    public string Log => _log.ToString();

    /// <summary>
    /// Starts the emulator enforcing <paramref name="trust"/> (by default <see cref="TestTrust.Create"/>), logging in
    /// <paramref name="format"/>, standing in for <paramref name="issuerUrl"/> when given (else the trust's issuer),
    /// fetching other issuers' keys through <paramref name="fetcher"/> when given.
    /// </summary>
    public static async Task<RunningEmulator> StartAsync(
        TrustSet? trust = null, LogFormat format = LogFormat.Text, string? issuerUrl = null, Keyless.Emulator.Verification.IJwksFetcher? fetcher = null,
        Func<EmulatorOptions, EmulatorOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "keyless-emu-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        trust ??= TestTrust.Create();
        var log = new StringWriter();
        var options = new EmulatorOptions
        {
            IssuerUrl = issuerUrl,
            Fetcher = fetcher,
            Log = new DecisionLog(TextWriter.Synchronized(log), format),
        };
        var core = new EmulatorCore(trust, configure?.Invoke(options) ?? options, TimeProvider.System);
        var host = await EmulatorHost.StartAsync(core, new EmulatorHostOptions
        {
            HttpPort = 0,
            HttpsPort = 0,
            CertificateDirectory = Path.Combine(directory, "cert"),
        }, TimeProvider.System);
        return new RunningEmulator(core, host, trust, directory, log);
    }

    /// <summary>An HttpClient that trusts exactly this emulator's certificate.</summary>
    public HttpClient Client() => new(PinnedHandler());

    /// <summary>A handler that trusts exactly this emulator's certificate, as <c>SSL_CERT_FILE</c> would for a process.</summary>
    public HttpClientHandler PinnedHandler()
    {
        var thumbprint = Host.Certificate.Thumbprint;
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        };
    }

    /// <summary>
    /// A token signed by the emulator's issuer for <paramref name="claims"/>; iss, iat, nbf, exp and jti are the
    /// issuer's (any given are dropped), the expiry follows <paramref name="timeout"/> seconds of job time if set.
    /// </summary>
    public async Task<string> MintAsync(JsonObject claims, int? timeout = null)
    {
        using var client = Client();
        var given = (JsonObject)claims.DeepClone();
        foreach (var generated in IssuerSetClaims)
        {
            given.Remove(generated);
        }

        var body = new JsonObject { ["claims"] = given };
        if (timeout is { } t)
        {
            body["job_timeout_seconds"] = t;
        }

        using var response = await client.PostAsJsonAsync(Https + "/-/keyless/mint", body);
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
            // A client may still hold a file open; the system cleans its temporary folder.
        }
    }
}
