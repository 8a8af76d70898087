namespace Keyless.Trust.RedTeam;

/// <summary>Whether an atom must hold for a condition to hold (positive), must fail (negative), or either (unknown).</summary>
internal enum Polarity
{
    Positive,
    Negative,
    Unknown,
}
