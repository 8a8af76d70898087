using System.Security.Cryptography;
using System.Text;
using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// Stable fingerprints for SARIF and Code Quality. They leave the line out so a finding keeps its identity when
/// code moves, and number repeats so two equal findings in one report still differ (GitLab merges equal ones).
/// </summary>
internal static class FindingFingerprints
{
    public static IReadOnlyList<string> For(IReadOnlyList<Finding> findings, string? baseDirectory)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>(findings.Count);
        foreach (var finding in findings)
        {
            var basis = string.Join(
                '\n',
                finding.Id,
                ReportPaths.Display(finding.Location.File, baseDirectory),
                finding.Location.Path ?? string.Empty,
                finding.Identity ?? string.Empty,
                finding.Message);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
            var count = seen.TryGetValue(hash, out var before) ? before + 1 : 1;
            seen[hash] = count;
            result.Add(count == 1 ? hash : $"{hash}-{count}");
        }

        return result;
    }
}
