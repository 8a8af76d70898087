using Keyless.Trust.Evaluation;

namespace Keyless.Login.Http;

/// <summary>
/// A token endpoint's answer: the access token and its expiry, or the error in the cloud's words (with Entra's
/// AADSTS code when it gave one), or why no answer came at all.
/// </summary>
public sealed record TokenAnswer
{
    public string? AccessToken { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public CloudError? Error { get; init; }

    public int? AadstsCode { get; init; }

    public string? TransportError { get; init; }

    public bool Succeeded => AccessToken is not null;

    public static TokenAnswer Unreachable(string why) => new() { TransportError = why };

    public override string ToString() =>
        Succeeded ? $"TokenAnswer(ok, expires {ExpiresAt:O})" : $"TokenAnswer({Error?.ToString() ?? TransportError})";
}
