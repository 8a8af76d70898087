namespace Keyless.Trust.Findings;

/// <summary>Where a finding points: a file, and inside it a line and/or a JSON path or YAML key.</summary>
public sealed record FindingLocation(string File, int? Line = null, string? Path = null);
