using System.Text.Json.Nodes;

namespace Keyless.Emulator.Verification;

/// <summary>
/// The outcome of a signature check: the verified header and claims, or the failure and a sentence saying why.
/// A value, never an exception, so every front end can turn it into its cloud's error.
/// </summary>
public sealed record JwtVerification(JsonObject? Header, JsonObject? Claims, JwtFailure? Failure, string? Reason)
{
    public bool IsValid => Failure is null && Claims is not null;

    public static JwtVerification Valid(JsonObject header, JsonObject claims) => new(header, claims, null, null);

    public static JwtVerification Fail(JwtFailure failure, string reason, JsonObject? header = null, JsonObject? claims = null) =>
        new(header, claims, failure, reason);
}
