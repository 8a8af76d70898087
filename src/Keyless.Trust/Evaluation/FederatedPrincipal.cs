namespace Keyless.Trust.Evaluation;

/// <summary>What a successful STS exchange yields: the pool-scoped identity that IAM bindings match.</summary>
public sealed record FederatedPrincipal(
    string PoolName,
    string ProviderName,
    string Subject,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Groups,
    DateTimeOffset TokenExpiry)
{
    /// <summary><c>principal://iam.googleapis.com/{pool}/subject/{subject}</c>.</summary>
    public string PrincipalIdentifier => $"principal://iam.googleapis.com/{PoolName}/subject/{Subject}";
}
