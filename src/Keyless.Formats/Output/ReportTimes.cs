namespace Keyless.Formats.Output;

/// <summary>When a command started and finished, for reports that say so.</summary>
public sealed record ReportTimes(DateTimeOffset Started, DateTimeOffset Finished);
