namespace Keyless.Scan.Detectors;

/// <summary>Content to scan: a file's text or a variable's value, with the variable's name when there is one.</summary>
public sealed record ScanText(string Text, string? VariableName = null);
