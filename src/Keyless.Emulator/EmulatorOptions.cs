using Keyless.Emulator.Logging;

namespace Keyless.Emulator;

/// <summary>How the emulator is set up; everything else comes from the loaded trust.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The one issuer the emulator stands in for; null: every issuer the trust names.</summary>
    public string? IssuerUrl { get; init; }

    /// <summary>Where the decision log goes; <see cref="DecisionLog.Null"/> drops it.</summary>
    public DecisionLog Log { get; init; } = DecisionLog.Null;

    /// <summary>Fetches keys of trust issuers the emulator does not stand in for; null: never fetch.</summary>
    public Verification.IJwksFetcher? Fetcher { get; init; }
}
