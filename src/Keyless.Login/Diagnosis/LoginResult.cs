namespace Keyless.Login.Diagnosis;

/// <summary>
/// The outcome of a login: the notes (checks before the exchange, the trust's prediction), and either the access
/// token with its expiry or the failure. The token is a secret: callers print it only when asked to.
/// </summary>
public sealed record LoginResult
{
    public IReadOnlyList<LoginNote> Notes { get; init; } = [];

    public LoginFailure? Failure { get; init; }

    public string? AccessToken { get; init; }

    /// <summary>Tokens obtained on the way to <see cref="AccessToken"/> (STS's federated token before impersonation).</summary>
    public IReadOnlyList<string> IntermediateTokens { get; init; } = [];

    /// <summary>Every token this login holds, for redaction: none may appear in anything printed.</summary>
    public IReadOnlyList<string> Secrets => [.. IntermediateTokens, .. AccessToken is null ? [] : new[] { AccessToken }];

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>True when no exchange was attempted (<c>--no-verify</c>).</summary>
    public bool Skipped { get; init; }

    public bool Succeeded => Failure is null;

    public override string ToString() =>
        Succeeded ? $"LoginResult(ok, expires {ExpiresAt:O})" : $"LoginResult(failed: {Failure!.Summary})";
}
