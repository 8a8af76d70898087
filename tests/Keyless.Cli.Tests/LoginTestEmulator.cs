using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.Formats.Inputs;
using Keyless.Testing;

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
    public const string MainSubject = TestTrust.MainSubject;

    private readonly RunningEmulator _emulator;

    private LoginTestEmulator(RunningEmulator emulator) => _emulator = emulator;

    /// <summary>A scratch folder for the commands' output files, deleted on dispose.</summary>
    public string Directory => _emulator.Directory;

    public string Https => _emulator.Https;

    /// <summary>The emulator's certificate (PEM), for <c>--ca-file</c>.</summary>
    public string CertificatePath => _emulator.CertificatePath;

    public static async Task<LoginTestEmulator> StartAsync(Func<Keyless.Emulator.EmulatorOptions, Keyless.Emulator.EmulatorOptions>? configure = null) =>
        new(await RunningEmulator.StartAsync(TrustLoader.Load([Path.Combine(RepoPaths.Root, Trust)]), issuerUrl: "https://gitlab.com", configure: configure));

    /// <summary>The options that point a login command at this emulator.</summary>
    public string[] GcpEndpoints => ["--sts-url", _emulator.StsUrl.ToString(), "--iamcredentials-url", _emulator.IamCredentialsUrl.ToString(), "--ca-file", _emulator.CertificatePath];

    public string[] AzureEndpoints => ["--authority-host", Https, "--ca-file", _emulator.CertificatePath];

    /// <summary>A job token for acme/payments (GitLab's claim types), signed by the emulator's issuer.</summary>
    public Task<string> MintAsync(string aud, string sub = MainSubject)
    {
        var claims = TestTrust.Claims(aud);
        claims["sub"] = sub;
        return _emulator.MintAsync(claims);
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

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
