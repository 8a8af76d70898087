namespace Keyless.Login.Diagnosis;

/// <summary>
/// Why the exchange did not happen: the cloud's own words (<see cref="Refusal"/>, null when Keyless stopped before
/// asking), the causes in plain words with the token's values and the expected ones, and what to change.
/// </summary>
public sealed record LoginFailure(string Summary, string? Refusal, IReadOnlyList<string> Causes, IReadOnlyList<string> Fixes);
