namespace Keyless.Emulator.Logging;

/// <summary>
/// One exchange's outcome for the log: which endpoint, allow or deny, the identity it concerned, the cloud's error
/// and the reasons. Built only from claim values, identity names and error texts, never from a token or secret.
/// </summary>
public sealed record Decision(
    DateTimeOffset Time,
    string Endpoint,
    bool Allowed,
    string? Identity,
    string? Error,
    string? Description,
    IReadOnlyList<string> Reasons);
