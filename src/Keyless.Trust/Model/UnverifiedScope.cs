namespace Keyless.Trust.Model;

/// <summary>
/// A part of the live trust a pull could not read (a project, tenant, subscription or GitLab project, and the call
/// that failed), from pull.json: the trust there was not seen, so no finding there is a verdict.
/// </summary>
public sealed record UnverifiedScope(string Scope, string Call, int Status, string Reason, string? Permission, SourceRef Source);
