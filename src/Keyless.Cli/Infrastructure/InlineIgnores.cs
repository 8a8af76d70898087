using Keyless.Trust.Findings;

namespace Keyless.Cli.Infrastructure;

/// <summary>
/// <c># keyless: ignore[rule-id, …] reason</c> in the inputs that have comments (<c>.gitlab-ci.yml</c> and other
/// YAML, Terraform <c>.tf</c>): on the finding's own line or the line above it, it drops the findings of those rules
/// there. A reason is required; a marker without one is not obeyed and a warning says so.
/// </summary>
internal static class InlineIgnores
{
    private const string Marker = "# keyless: ignore[";

    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, string toolCommand, out int ignored)
    {
        var files = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        var warned = new HashSet<(string, int)>();
        var kept = new List<Finding>(findings.Count);
        ignored = 0;
        foreach (var finding in findings)
        {
            if (finding.Location is { Line: { } line, File: var file } && HasComments(file) && Lines(files, file) is { } lines
                && (IgnoredAt(lines, line, finding.Id, file, toolCommand, warned) || IgnoredAt(lines, line - 1, finding.Id, file, toolCommand, warned)))
            {
                ignored++;
                continue;
            }

            kept.Add(finding);
        }

        return kept;
    }

    private static bool IgnoredAt(string[] lines, int line, string rule, string file, string toolCommand, HashSet<(string, int)> warned)
    {
        if (line < 1 || line > lines.Length)
        {
            return false;
        }

        var text = lines[line - 1];
        var start = text.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        var open = start + Marker.Length;
        var close = text.IndexOf(']', open);
        if (close < 0)
        {
            return false;
        }

        var rules = text[open..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!rules.Contains(rule, StringComparer.Ordinal))
        {
            return false;
        }

        if (text[(close + 1)..].Trim().Length == 0)
        {
            if (warned.Add((file, line)))
            {
                Console.Error.WriteLine($"keyless {toolCommand}: warning: {file}:{line}: the ignore has no reason, so it is not obeyed (write: # keyless: ignore[{rule}] why the risk is accepted)");
            }

            return false;
        }

        return true;
    }

    private static bool HasComments(string file) =>
        file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || file.EndsWith(".tf", StringComparison.OrdinalIgnoreCase);

    private static string[]? Lines(Dictionary<string, string[]?> files, string file)
    {
        if (!files.TryGetValue(file, out var lines))
        {
            try
            {
                lines = File.Exists(file) ? File.ReadAllLines(file) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                lines = null;
            }

            files[file] = lines;
        }

        return lines;
    }
}
