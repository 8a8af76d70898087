using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation;

/// <summary>The Entra token endpoint's answer to a jwt-bearer client assertion.</summary>
public sealed record EntraExchangeResult(AzureIdentity? Identity, int? AadstsCode, CloudError? Error, IReadOnlyList<string> Reasons)
{
    public bool Succeeded => Credential is not null;

    /// <summary>The credential that matched (on success).</summary>
    public AzureFederatedCredential? Credential { get; init; }

    public TrustCheck? FailedCheck { get; init; }

    public bool Indeterminate { get; init; }
}
