using Keyless.Trust.Evaluation;

namespace Keyless.Emulator.Gcp;

/// <summary>
/// What an opaque Google access token the emulator handed out stands for: a federated principal (from STS) or a
/// service account (from generateAccessToken), its scopes and its lifetime.
/// </summary>
public sealed record IssuedToken(
    FederatedPrincipal? Principal,
    string? ServiceAccount,
    IReadOnlyList<string> Scopes,
    DateTimeOffset IssuedAt,
    DateTimeOffset Expiry);
