namespace Keyless.Trust.Evaluation;

/// <summary>The IAM Credentials answer to <c>generateAccessToken</c> for a federated principal.</summary>
public sealed record ImpersonationResult(bool Allowed, CloudError? Error, IReadOnlyList<string> Reasons)
{
    /// <summary>The binding (member and role) that allowed it, for explain.</summary>
    public string? MatchedBinding { get; init; }

    public bool Indeterminate { get; init; }
}
