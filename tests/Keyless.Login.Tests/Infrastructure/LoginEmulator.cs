using Keyless.Formats.Inputs;
using Keyless.Login.Http;

namespace Keyless.Login.Tests.Infrastructure;

/// <summary>
/// The shared <see cref="RunningEmulator"/> as the login tests use it: loaded with the example trust the login
/// examples document, standing in for gitlab.com, and reached through the client the login commands use.
/// </summary>
public static class LoginEmulator
{
    public static Task<RunningEmulator> StartAsync() =>
        RunningEmulator.StartAsync(TrustLoader.Load([Repo.ExampleTrust]), issuerUrl: "https://gitlab.com");

    /// <summary>The client the login commands use, trusting the emulator through its PEM, as --ca-file does.</summary>
    public static LoginHttpClient LoginClient(this RunningEmulator emu) => new(TimeProvider.System, emu.CertificatePath);
}
