namespace Keyless.Trust.Findings;

/// <summary>How sure Keyless is that a finding is real.</summary>
public enum Confidence
{
    /// <summary>Shown by a witness (or an exhaustive search) against known settings.</summary>
    Proven,

    /// <summary>Very probably real, but something could not be checked.</summary>
    Likely,

    /// <summary>Rests on GitLab's defaults because the real settings were not given.</summary>
    Assumed,
}
