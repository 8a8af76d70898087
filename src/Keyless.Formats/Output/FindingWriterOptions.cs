namespace Keyless.Formats.Output;

/// <summary>How to render findings.</summary>
/// <param name="ToolCommand">The keyless command that produced them (<c>audit</c>, <c>lint</c>, <c>scan</c>, <c>diff</c>):
/// names the docs folder and the SARIF run.</param>
/// <param name="Color">ANSI colour in text output; the caller decides (terminal and no <c>NO_COLOR</c>).</param>
/// <param name="BaseDirectory">When set, file paths under it are written relative to it, with forward slashes,
/// so reports are stable across checkouts.</param>
public sealed record FindingWriterOptions(string ToolCommand, bool Color, string? BaseDirectory = null)
{
    /// <summary>The version of keyless that ran (SARIF <c>driver.version</c>, the GitLab reports' analyzer).</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>When the command started and finished (the GitLab reports' <c>scan.start_time</c>/<c>end_time</c>);
    /// the caller's clock, so golden files can fix it; when null, the moment of writing.</summary>
    public ReportTimes? Times { get; init; }

    /// <summary>The commit the scanned files came from (<c>CI_COMMIT_SHA</c> in a job); GitLab's secret-detection
    /// report requires one per finding.</summary>
    public string? CommitSha { get; init; }

    /// <summary>Set for commands whose findings have root causes (audit, merge): JSON then carries <c>causes[]</c>
    /// beside <c>findings[]</c>, and with <see cref="FindingGrouping.Cause"/> the other formats show one entry per
    /// cause. Null for lint, scan and diff, whose findings are already one per place.</summary>
    public FindingGrouping? Grouping { get; init; }

    /// <summary>Set when the report is one shard of <c>--shard I/N</c>: JSON then carries it as <c>shard</c>.</summary>
    public ShardPart? Shard { get; init; }
}
