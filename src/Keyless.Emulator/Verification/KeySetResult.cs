namespace Keyless.Emulator.Verification;

/// <summary>The keys that may verify a token of one issuer, or why there are none.</summary>
public sealed record KeySetResult(IReadOnlyList<VerificationKey> Keys, string? Error)
{
    public static KeySetResult Unavailable(string error) => new([], error);
}
