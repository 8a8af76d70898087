namespace Keyless.Trust.Evaluation;

/// <summary>The STS answer: a principal, or the error STS returns. Reasons say why in full sentences.</summary>
public sealed record StsExchangeResult(FederatedPrincipal? Principal, CloudError? Error, IReadOnlyList<string> Reasons)
{
    public bool Succeeded => Principal is not null;

    /// <summary>The check that decided, for explain's highlighting; null on success.</summary>
    public TrustCheck? FailedCheck { get; init; }

    /// <summary>True when the answer depends on values the inputs do not know yet (a plan's unknowns).</summary>
    public bool Indeterminate { get; init; }

    /// <summary>The provider the STS audience named, when the trust has it (whatever the answer).</summary>
    public Model.GcpProvider? Provider { get; init; }
}
