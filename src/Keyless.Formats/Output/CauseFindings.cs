using Keyless.Trust.Findings;

namespace Keyless.Formats.Output;

/// <summary>
/// A root cause as one finding, for the formats that have one result per problem (SARIF, Code Quality, GitLab's
/// security reports): the lead finding's rule, persona and witness, at the resource to fix, its message saying how
/// many identities the fix closes and which, and one fix per rule the resource fails.
/// </summary>
internal static class CauseFindings
{
    // A message names at most this many identities; the JSON report's causes[] lists them all.
    private const int NamedIdentities = 20;

    public static IReadOnlyList<Finding> Of(IReadOnlyList<FindingCause> causes) => causes.Select(Of).ToArray();

    public static Finding Of(FindingCause cause)
    {
        var lead = cause.Lead;
        return lead with
        {
            Identity = cause.Identities.Count == 1 ? cause.Identities[0] : null,
            Message = cause.Findings.Count == 1 ? lead.Message : lead.Message + " " + Exposes(cause),
            Fix = Fix(cause),
            Location = cause.Location,
        };
    }

    /// <summary>"The same fix closes N findings (rules …) for K identities: a, b, …".</summary>
    public static string Exposes(FindingCause cause)
    {
        var text = $"Fixing this closes {cause.Findings.Count} findings";
        if (cause.Rules.Count > 1)
        {
            text += $" of {cause.Rules.Count} rules ({string.Join(", ", cause.Rules)})";
        }

        if (cause.Identities.Count > 0)
        {
            var named = string.Join(", ", cause.Identities.Take(NamedIdentities));
            var more = cause.Identities.Count > NamedIdentities ? $" and {cause.Identities.Count - NamedIdentities} more" : string.Empty;
            text += $" for {cause.Identities.Count} {(cause.Identities.Count == 1 ? "identity" : "identities")}: {named}{more}";
        }

        return text + ".";
    }

    public static string Fix(FindingCause cause) => cause.Fixes.Count == 1
        ? cause.Fixes[0].Text
        : string.Join("\n", cause.Fixes.Select(f => $"[{string.Join(", ", f.Rules)}] {f.Text}"));
}
