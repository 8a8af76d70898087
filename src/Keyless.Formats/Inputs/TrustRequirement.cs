namespace Keyless.Formats.Inputs;

/// <summary>What loaded input must hold not to be "no trust found".</summary>
public enum TrustRequirement
{
    /// <summary>At least one identity a token could get (explain, audit, diff).</summary>
    Identity,

    /// <summary>
    /// Any trust at all: a pool, a provider, a binding, an Entra identity or a federated credential. Lint's checks of
    /// audiences and issuers, the emulator's STS exchange and login's diagnosis need only the providers and credentials.
    /// </summary>
    AnyTrust,
}
