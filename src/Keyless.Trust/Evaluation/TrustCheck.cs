namespace Keyless.Trust.Evaluation;

/// <summary>The clause kinds a decision can turn on, in the order the clouds check them.</summary>
public enum TrustCheck
{
    Request,
    Issuer,
    Audience,
    Time,
    Mapping,
    Condition,
    ProviderState,
    Binding,
    Subject,
    Identity,
}
