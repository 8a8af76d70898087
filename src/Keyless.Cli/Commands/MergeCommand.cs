using System.ComponentModel;
using Keyless.Cli.Infrastructure;
using Keyless.Formats.Output;
using Keyless.Trust.Diagnostics;
using Keyless.Trust.Findings;
using Spectre.Console.Cli;
using ValidationResult = Spectre.Console.ValidationResult;

namespace Keyless.Cli.Commands;

/// <summary>
/// <c>keyless merge REPORT...</c>: joins the JSON reports of <c>keyless audit --shard I/N</c> (every shard once) into
/// the report the single run gives, in any format; the shards already applied config, ignores and baseline.
/// </summary>
internal sealed class MergeCommand : Command<MergeCommand.Settings>
{
    public sealed class Settings : GroupedOutputSettings
    {
        [CommandArgument(0, "<REPORTS>")]
        [Description("The JSON reports of keyless audit --shard I/N --format json, one per shard.")]
        public string[] Reports { get; init; } = [];

        public override ValidationResult Validate()
        {
            // Each shard applied them before choosing its findings; applying them again would count twice.
            return Baseline is not null || ConfigPath is not null
                ? ValidationResult.Error("--baseline and --config go to keyless audit --shard, not to merge")
                : base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var parts = settings.Reports.Select(file => (File: file, Report: FindingReportReader.ReadReport(file))).ToArray();
        var count = 0;
        var seen = new Dictionary<int, string>();
        var placed = new List<(long Position, Finding Finding)>();
        foreach (var (file, (findings, shard)) in parts)
        {
            if (shard is null)
            {
                throw new InputException(file, "not a shard report: it has no \"shard\" (write it with keyless audit --shard I/N --format json)");
            }

            if (count != 0 && shard.Count != count)
            {
                throw new InputException(file, $"shard {shard.Index}/{shard.Count} does not belong with {parts[0].File} (of {count} shards)", path: "$.shard.count");
            }

            count = shard.Count;
            if (!seen.TryAdd(shard.Index, file))
            {
                throw new InputException(file, $"shard {shard.Index}/{shard.Count} is also {seen[shard.Index]}", path: "$.shard.index");
            }

            placed.AddRange(shard.Positions.Zip(findings));
        }

        var missing = Enumerable.Range(1, count).Where(i => !seen.ContainsKey(i)).ToArray();
        if (missing.Length > 0)
        {
            throw new InputException("keyless merge", $"shard {string.Join(", ", missing.Select(i => $"{i}/{count}"))} is missing: merge needs every shard once");
        }

        var merged = placed.OrderBy(p => p.Position).Select(p => p.Finding).ToArray();
        Console.Error.WriteLine($"keyless merge: {count} shards, {merged.Length} findings.");
        return FindingOutput.Write(settings, "audit", merged, AuditCommand.Rules, Directory.GetCurrentDirectory(), settings.Grouping);
    }
}
