namespace Keyless.Emulator.Issuer;

/// <summary>A signed token, or the sentence saying why GitLab (or the emulator) would not mint it.</summary>
public sealed record MintResult(string? Token, string? Error)
{
    public static MintResult Refused(string error) => new(null, error);
}
