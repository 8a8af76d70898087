using Keyless.Formats.Output;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Findings;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Renders a command's findings where the user asked (stdout or <c>--output</c>) and returns the exit code of
/// spec §5. Colour only for text, as <c>--color</c> says (by default a terminal stdout with <c>NO_COLOR</c> unset).
/// </summary>
internal static class FindingOutput
{
    /// <param name="settings">The command's parsed options.</param>
    /// <param name="toolCommand"><c>audit</c>, <c>lint</c>, <c>scan</c> or <c>diff</c>: the docs folder and SARIF run.</param>
    /// <param name="findings">What the command found, in the order to report.</param>
    /// <param name="rules">The command's rule registry (SARIF rules).</param>
    /// <param name="baseDirectory">Paths under it are written relative; defaults to the current directory.</param>
    /// <param name="grouping">For audit and merge (<c>--group-by</c>); null for commands without root causes.</param>
    /// <param name="shard">With <c>--shard I/N</c>: (I, N); only that shard's findings are written, with their positions.</param>
    /// <returns>0 when nothing is at or above <c>--fail-on</c>, else 1.</returns>
    public static int Render(FindingOutputSettings settings, string toolCommand, IReadOnlyList<Finding> findings,
                             IReadOnlyList<RuleDescriptor> rules, string? baseDirectory = null, FindingGrouping? grouping = null,
                             (int Index, int Count)? shard = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        baseDirectory ??= Directory.GetCurrentDirectory();
        findings = FindingLines.Resolve(findings);
        findings = InlineIgnores.Apply(findings, toolCommand, out var inline);
        if (inline > 0)
        {
            Console.Error.WriteLine($"keyless {toolCommand}: {inline} ignored by # keyless: ignore comments.");
        }

        if (settings.Config is { } config)
        {
            var applied = ConfigPolicy.Apply(findings, config, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
            Console.Error.WriteLine($"keyless {toolCommand}: config {config.File}: {applied.Ignored} ignored.");
            findings = applied.Findings;
        }
        if (settings.Baseline is { Length: > 0 } baselineFile)
        {
            var baseline = Baseline.Apply(findings, FindingReportReader.Read(baselineFile), baseDirectory);
            Console.Error.WriteLine(
                $"keyless {toolCommand}: baseline {baselineFile}: {baseline.New.Count} new, {baseline.Suppressed} suppressed, {baseline.Gone} baseline entries gone.");
            findings = baseline.New;
        }

        ShardPart? part = null;
        if (shard is { } slice)
        {
            (findings, part) = ShardPartition.Take(findings, slice.Index, slice.Count);
        }

        return Write(settings, toolCommand, findings, rules, baseDirectory, grouping, part);
    }

    /// <summary>Writes findings that are final (a merge of shard reports), as <see cref="Render"/> does after filtering.</summary>
    public static int Write(FindingOutputSettings settings, string toolCommand, IReadOnlyList<Finding> findings,
                            IReadOnlyList<RuleDescriptor> rules, string baseDirectory, FindingGrouping? grouping, ShardPart? part = null)
    {
        var format = settings.OutputFormat;

        if (settings.Output is { Length: > 0 } file)
        {
            var options = Options(toolCommand, color: false, baseDirectory) with { Grouping = grouping, Shard = part };
            try
            {
                using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false));
                FindingWriter.Write(writer, format, findings, rules, options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException("--output", $"cannot write '{file}': {e.Message}");
            }
        }
        else
        {
            var options = Options(toolCommand, UseColor(format), baseDirectory) with { Grouping = grouping, Shard = part };
            // The console's own writer passes on every 256 bytes (one system call each: ~450,000 for the 115 MB JSON
            // report of 11,000 identities); the report gets a buffered writer on the same standard output.
            Console.Out.Flush();
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 64 * 1024);
            FindingWriter.Write(stdout, format, findings, rules, options);
        }

        return FailOn.ExitCode(findings, settings.FailOnSeverity);
    }

    private static FindingWriterOptions Options(string toolCommand, bool color, string baseDirectory) =>
        new(toolCommand, color, baseDirectory)
        {
            ToolVersion = ToolVersion.Informational,
            Times = new ReportTimes(RunClock.Started, TimeProvider.System.GetUtcNow()),

            // GitLab sets it in every job; elsewhere the secret-detection report says "no commit" as GitLab's own does.
            CommitSha = Environment.GetEnvironmentVariable("CI_COMMIT_SHA"),
        };

    /// <summary>Colour only for people: text, and <c>--color</c> (by default a terminal and no <c>NO_COLOR</c>).</summary>
    public static bool UseColor(OutputFormat format) =>
        format == OutputFormat.Text && ColorChoice.Enabled(Console.IsOutputRedirected);
}
