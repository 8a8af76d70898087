namespace Keyless.Emulator.Host;

/// <summary>
/// The certificate could not be written where the host was told to write it: a cause of its own, so that a caller
/// does not read it as the port trouble Kestrel also reports as an <see cref="IOException"/>.
/// </summary>
public sealed class CertificateDirectoryException(string directory, Exception inner)
    : Exception($"cannot write the certificate in '{directory}': {inner.Message}", inner)
{
    public string Directory { get; } = directory;
}
