namespace Keyless.Trust.Findings;

/// <summary>How bad a finding is if it is real. Ordered: a higher value is worse.</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
