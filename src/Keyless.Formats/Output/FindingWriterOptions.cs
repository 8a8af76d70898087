namespace Keyless.Formats.Output;

/// <summary>How to render findings.</summary>
/// <param name="ToolCommand">The keyless command that produced them (<c>audit</c>, <c>lint</c>, <c>scan</c>, <c>diff</c>):
/// names the docs folder and the SARIF run.</param>
/// <param name="Color">ANSI colour in text output; the caller decides (terminal and no <c>NO_COLOR</c>).</param>
/// <param name="BaseDirectory">When set, file paths under it are written relative to it, with forward slashes,
/// so reports are stable across checkouts.</param>
public sealed record FindingWriterOptions(string ToolCommand, bool Color, string? BaseDirectory = null);
