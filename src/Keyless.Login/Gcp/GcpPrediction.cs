using Keyless.Trust.Evaluation;
using Keyless.Trust.Model;

namespace Keyless.Login.Gcp;

/// <summary>
/// What the trust inputs say STS and IAM Credentials will answer, and which GCP identities of the trust this
/// token gets (<see cref="Admitting"/>). <see cref="Provider"/> is null when the trust does not hold the provider.
/// </summary>
public sealed record GcpPrediction(GcpProvider? Provider, StsExchangeResult? Exchange, ImpersonationResult? Impersonation, IReadOnlyList<string> Admitting)
{
    /// <summary>True or false when the trust decides; null when it cannot (no provider, unknown values).</summary>
    public bool? Allows => Exchange switch
    {
        null => null,
        { Indeterminate: true } => null,
        { Succeeded: false } => false,
        _ when Impersonation is { Indeterminate: true } => null,
        _ => Impersonation?.Allowed ?? true,
    };
}
