namespace Keyless.Trust.Findings;

/// <summary>The wire names of the finding enums, as the JSON output contract spells them.</summary>
public static class SeverityNames
{
    public static string ToWire(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static bool TryParse(string text, out Severity severity)
    {
        foreach (var candidate in Enum.GetValues<Severity>())
        {
            if (string.Equals(candidate.ToWire(), text, StringComparison.OrdinalIgnoreCase))
            {
                severity = candidate;
                return true;
            }
        }

        severity = default;
        return false;
    }

    public static string ToWire(this Confidence confidence) => confidence switch
    {
        Confidence.Proven => "proven",
        Confidence.Likely => "likely",
        Confidence.Assumed => "assumed",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence)),
    };

    public static string ToWire(this Persona persona) => persona switch
    {
        Persona.Anyone => "anyone",
        Persona.GroupMember => "group-member",
        Persona.Developer => "developer",
        Persona.ForkContributor => "fork-contributor",
        Persona.PathReclaimer => "path-reclaimer",
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };
}
