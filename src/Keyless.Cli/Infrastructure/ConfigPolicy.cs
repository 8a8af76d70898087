using Keyless.Formats.Config;
using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// Applies a <c>.keyless.yml</c> to a command's findings: its ignores drop the findings they match (every field
/// given must match; <c>path</c> is a glob relative to the config's folder), an ignore past its <c>expires</c> date
/// no longer applies and is reported itself, and severity overrides set each rule's severity.
/// </summary>
internal static class ConfigPolicy
{
    /// <summary>The rule id of an accepted risk whose time is up.</summary>
    public const string ExpiredIgnore = "expired-ignore";

    public sealed record Result(IReadOnlyList<Finding> Findings, int Ignored);

    public static Result Apply(IReadOnlyList<Finding> findings, KeylessConfig config, DateOnly today)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(config.File))!;
        var active = config.Ignores.Where(i => i.Expires is not { } date || date >= today).ToArray();
        var globs = active.Select(i => i.Path is { } p ? new PathGlob(p) : null).ToArray();
        var kept = new List<Finding>(findings.Count);
        var ignored = 0;
        foreach (var finding in findings)
        {
            var relative = Relative(folder, finding.Location.File);
            var matched = false;
            for (var i = 0; i < active.Length && !matched; i++)
            {
                matched = Matches(active[i], globs[i], finding, relative);
            }

            if (matched)
            {
                ignored++;
            }
            else
            {
                kept.Add(config.Severities.TryGetValue(finding.Id, out var severity) ? finding with { Severity = severity } : finding);
            }
        }

        foreach (var ignore in config.Ignores.Where(i => i.Expires is { } date && date < today))
        {
            var expired = new Finding
            {
                Id = ExpiredIgnore,
                Severity = Severity.Medium,
                Confidence = Confidence.Proven,
                Message = $"the ignore of {Describe(ignore)} expired on {ignore.Expires:yyyy-MM-dd}; what it matches is reported again (its reason was: {ignore.Reason})",
                Fix = "Fix what it matched, or if the risk is still accepted, renew the ignore with a later expires date and a current reason.",
                Location = new FindingLocation(config.File, ignore.Line),
            };
            kept.Add(config.Severities.TryGetValue(ExpiredIgnore, out var severity) ? expired with { Severity = severity } : expired);
        }

        return new Result(kept, ignored);
    }

    private static bool Matches(ConfigIgnore ignore, PathGlob? glob, Finding finding, string relative) =>
        (ignore.Rule is null || ignore.Rule == finding.Id)
        && (ignore.Identity is null || ignore.Identity == finding.Identity)
        && (ignore.Persona is null || ignore.Persona == finding.Persona?.ToWire())
        && (glob is null || glob.Matches(relative));

    private static string Relative(string folder, string file)
    {
        if (file.Contains("://", StringComparison.Ordinal))
        {
            return file;
        }

        var relative = Path.GetRelativePath(folder, Path.GetFullPath(file));
        return relative.Replace('\\', '/');
    }

    private static string Describe(ConfigIgnore ignore) => string.Join(", ", new[]
    {
        ignore.Rule is { } r ? $"rule {r}" : null,
        ignore.Identity is { } i ? $"identity {i}" : null,
        ignore.Path is { } p ? $"path {p}" : null,
        ignore.Persona is { } s ? $"persona {s}" : null,
    }.OfType<string>());
}
