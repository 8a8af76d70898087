using Keyless.GitLab.Pipeline;
using Keyless.Trust.Findings;

namespace Keyless.GitLab.Lint;

/// <summary>Runs the registry's rules over a pipeline: one finding per rule and line, in file and line order.</summary>
public static class Linter
{
    public static IReadOnlyList<Finding> Lint(PipelineDocument document, LintOptions? options = null)
    {
        var context = new LintContext(document, options ?? LintOptions.Default);
        var findings = new List<Finding>();
        var seen = new HashSet<(string, string, int?)>();
        foreach (var rule in LintRegistry.Rules)
        {
            foreach (var finding in rule.Check(context))
            {
                // Jobs sharing a template report the template's line once.
                if (seen.Add((finding.Id, finding.Location.File, finding.Location.Line)))
                {
                    findings.Add(finding);
                }
            }
        }

        var fileOrder = document.Files.Select((file, index) => (file, index)).ToDictionary(p => p.file, p => p.index, StringComparer.Ordinal);
        return findings
            .OrderBy(f => fileOrder.GetValueOrDefault(f.Location.File, int.MaxValue))
            .ThenBy(f => f.Location.Line ?? 0)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
    }
}
