using Keyless.Trust.Evaluation;

namespace Keyless.Login.Azure;

/// <summary>What the trust inputs say Entra will answer, and which Azure identities of the trust this token gets.</summary>
public sealed record AzurePrediction(EntraExchangeResult Exchange, IReadOnlyList<string> Admitting)
{
    /// <summary>True or false when the trust decides; null when it cannot (the app is not in the inputs, unknown values).</summary>
    public bool? Allows => Exchange switch
    {
        { Indeterminate: true } => null,
        { Identity: null } => null,
        { Succeeded: var ok } => ok,
    };
}
