namespace Keyless.Formats.Config;

/// <summary>
/// One accepted risk: findings that match every field given (rule id, identity, file glob, persona) are not
/// reported, for the stated reason, until <see cref="Expires"/> (after which the ignore is itself a finding).
/// </summary>
public sealed record ConfigIgnore(string? Rule, string? Identity, string? Path, string? Persona, string Reason, DateOnly? Expires, int Line);
