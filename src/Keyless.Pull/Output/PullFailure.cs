namespace Keyless.Pull.Output;

/// <summary>
/// A part of a scope that could not be read: the call (the API method), its HTTP status (0 without an answer), why in
/// the cloud's words, and the permission a 403 says (or the call needs). The audit reports each scope with one as
/// <c>not-verified</c>.
/// </summary>
public sealed record PullFailure(PullScope Scope, string Call, int Status, string Reason, string? Permission);
