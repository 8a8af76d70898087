using System.Runtime.CompilerServices;
using Keyless.Trust.Evaluation.Gcp;
using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation;

/// <summary>
/// The per-TrustSet compiled form (CEL programs, flexible expressions, indexes), cached against the
/// immutable TrustSet instance so every evaluator over the same trust shares one compilation.
/// </summary>
internal sealed class CompiledTrust
{
    private static readonly ConditionalWeakTable<TrustSet, CompiledTrust> Cache = [];

    private readonly Dictionary<GcpProvider, CompiledProvider> _providers;

    // The trust's own provider instances, found without hashing every field of the record on each exchange.
    private readonly Dictionary<GcpProvider, CompiledProvider> _byInstance = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AzureFederatedCredential, Azure.CompiledCredential> _credentials;
    private readonly Dictionary<AzureIdentity, Azure.CompiledCredential[]> _identityCredentials = new(ReferenceEqualityComparer.Instance);

    private CompiledTrust(TrustSet trust)
    {
        Trust = trust;
        Gcp = new GcpTrustIndex(trust);
        // Each provider's CEL compiles on its own: on all cores (an estate has thousands), then indexed in order.
        var distinct = trust.Providers.Distinct().ToArray();
        var compiled = new CompiledProvider[distinct.Length];
        Parallel.For(0, distinct.Length, i => compiled[i] = new CompiledProvider(distinct[i], trust, Gcp.PoolOf(distinct[i])));
        _providers = new Dictionary<GcpProvider, CompiledProvider>(distinct.Length);
        for (var i = 0; i < distinct.Length; i++)
        {
            _providers.Add(distinct[i], compiled[i]);
        }

        foreach (var provider in trust.Providers)
        {
            _byInstance.TryAdd(provider, _providers[provider]);
        }

        _credentials = trust.AzureIdentities.SelectMany(i => i.Credentials).Distinct()
            .ToDictionary(c => c, c => new Azure.CompiledCredential(c));
        foreach (var identity in trust.AzureIdentities)
        {
            _identityCredentials.TryAdd(identity, [.. identity.Credentials.Select(Credential)]);
        }
    }

    public TrustSet Trust { get; }

    public GcpTrustIndex Gcp { get; }

    public static CompiledTrust For(TrustSet trust) => Cache.GetValue(trust, t => new CompiledTrust(t));

    public CompiledProvider Provider(GcpProvider provider) =>
        _byInstance.TryGetValue(provider, out var compiled) || _providers.TryGetValue(provider, out compiled) ? compiled : new CompiledProvider(provider, Trust, Gcp.PoolOf(provider));

    /// <summary>An identity's credentials compiled, in order; looked up by instance for the trust's own identities.</summary>
    public Azure.CompiledCredential[] Credentials(AzureIdentity identity) =>
        _identityCredentials.TryGetValue(identity, out var compiled) ? compiled : [.. identity.Credentials.Select(Credential)];

    public Azure.CompiledCredential Credential(AzureFederatedCredential credential) =>
        _credentials.TryGetValue(credential, out var compiled) ? compiled : new Azure.CompiledCredential(credential);
}
