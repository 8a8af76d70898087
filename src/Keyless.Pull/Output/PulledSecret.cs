namespace Keyless.Pull.Output;

/// <summary>
/// A static key the scanner found in a CI/CD variable's value while it was in memory: the owner, the variable, the
/// detector and its message (with the secret's fingerprint, never the secret).
/// </summary>
public sealed record PulledSecret(string Owner, string Variable, string Detector, string Severity, string Message);
