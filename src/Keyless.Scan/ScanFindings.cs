using Keyless.GitLab.Api;
using Keyless.Scan.Detectors;
using Keyless.Scan.Text;
using Keyless.Trust.Findings;

namespace Keyless.Scan;

/// <summary>
/// Turns matches into findings. A finding names the file and line or the variable and its owner, the detector and
/// a fingerprint of the secret; it never carries the secret or any part of it.
/// </summary>
internal static class ScanFindings
{
    public static Finding InFile(Detector detector, SecretMatch match, string file, int line) => new()
    {
        Id = detector.Descriptor.Id,
        Severity = detector.Descriptor.DefaultSeverity,
        Confidence = Confidence.Likely,
        Identity = match.Identity,
        Message = Capitalise(Describe(match)) + ".",
        Fix = detector.Fix,
        Location = new FindingLocation(file, line),
    };

    public static Finding InVariable(Detector detector, SecretMatch match, GitLabVariableSet set, GitLabVariable variable)
    {
        var exposures = Exposures(set, variable);
        var message = $"Variable {Name(set, variable)} holds {Describe(match)}";
        return new Finding
        {
            Id = detector.Descriptor.Id,
            Severity = Raise(detector.Descriptor.DefaultSeverity, variable),
            Confidence = Confidence.Likely,
            Identity = match.Identity,
            Message = exposures.Count == 0 ? message + "." : $"{message}; it is {string.Join(", ", exposures)}.",
            Fix = detector.Fix,
            Location = new FindingLocation(set.Source, null, PathOf(set, variable)),
        };
    }

    public static Finding Withheld(Detector detector, string reason, GitLabVariableSet set, GitLabVariable variable)
    {
        var exposures = Exposures(set, variable);
        var message = $"Variable {Name(set, variable)} is hidden, so GitLab does not return its value, but {reason}";
        return new Finding
        {
            Id = detector.Descriptor.Id,
            Severity = Raise(detector.Descriptor.DefaultSeverity, variable),
            Confidence = Confidence.Assumed,
            Message = exposures.Count == 0 ? message + "." : $"{message}; it is {string.Join(", ", exposures)}.",
            Fix = detector.Fix,
            Location = new FindingLocation(set.Source, null, PathOf(set, variable)),
        };
    }

    // Spec: higher severity for unprotected or unmasked variables; each exposure raises one step.
    private static Severity Raise(Severity severity, GitLabVariable variable)
    {
        var raised = (int)severity + (variable.Protected ? 0 : 1) + (variable.Masked || variable.Hidden ? 0 : 1);
        return (Severity)Math.Min(raised, (int)Severity.Critical);
    }

    private static List<string> Exposures(GitLabVariableSet set, GitLabVariable variable)
    {
        var exposures = new List<string>();
        if (!variable.Protected)
        {
            exposures.Add("unprotected (pipelines on every branch and tag get it)");
        }

        if (!variable.Masked && !variable.Hidden)
        {
            exposures.Add("not masked (a job log can show it)");
        }

        switch (set.Level)
        {
            case VariableLevel.Group:
                exposures.Add("inherited by every project in the group");
                break;
            case VariableLevel.Instance:
                exposures.Add("inherited by every project on the instance");
                break;
        }

        return exposures;
    }

    private static string Name(GitLabVariableSet set, GitLabVariable variable)
    {
        var owner = set.Level switch
        {
            VariableLevel.Project => set.Owner is null ? "project" : $"project {set.Owner}",
            VariableLevel.Group => set.Owner is null ? "group" : $"group {set.Owner}",
            _ => "instance",
        };
        var scope = variable.EnvironmentScope is { } s ? $", environment scope {s}" : string.Empty;
        var type = variable.IsFile ? ", file type" : string.Empty;
        return $"{variable.Key} ({owner}{scope}{type})";
    }

    private static string PathOf(GitLabVariableSet set, GitLabVariable variable) =>
        variable.EnvironmentScope is { } scope and not "*" ? $"{variable.Key}@{scope}" : variable.Key;

    private static string Describe(SecretMatch match)
    {
        var text = match.Kind;
        if (match.Identity is { } identity)
        {
            text += $" for {identity}";
        }

        if (match.Detail is { } detail)
        {
            text += $" ({detail})";
        }

        if (match.Base64Encoded)
        {
            text += ", base64-encoded";
        }

        return text + $" (fingerprint {SecretFingerprint.Of(match.Secret)})";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
