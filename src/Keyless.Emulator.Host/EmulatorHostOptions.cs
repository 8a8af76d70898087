namespace Keyless.Emulator.Host;

/// <summary>Where the host listens (always 127.0.0.1) and where it writes its certificate. Port 0 picks a free port.</summary>
public sealed record EmulatorHostOptions
{
    public const int DefaultHttpPort = 8080;
    public const int DefaultHttpsPort = 8443;

    public int HttpPort { get; init; } = DefaultHttpPort;

    public int HttpsPort { get; init; } = DefaultHttpsPort;

    public required string CertificateDirectory { get; init; }
}
