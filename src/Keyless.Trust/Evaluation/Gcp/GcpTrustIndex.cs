using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation.Gcp;

/// <summary>
/// The GCP lookups every exchange and impersonation needs, built once per TrustSet (in <see cref="CompiledTrust"/>):
/// pools by id, a provider's pool, the pool a principal names, and the impersonation bindings per service account
/// and per project with their members parsed. The red-team asks these hundreds of thousands of times on an
/// org-scale trust; scanning every pool and binding on each call made the audit quadratic. Answers (and their
/// order) are exactly those of the scans they replace.
/// </summary>
internal sealed class GcpTrustIndex
{
    private readonly TrustSet _trust;
    private readonly Dictionary<string, GcpPool[]> _poolsById = new(StringComparer.Ordinal);
    private readonly Dictionary<GcpProvider, GcpPool?> _providerPools = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, PrincipalPool> _principalPools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IndexedBinding>> _onServiceAccount = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<IndexedBinding>> _onProject = new(StringComparer.Ordinal);

    public GcpTrustIndex(TrustSet trust)
    {
        _trust = trust;
        foreach (var group in trust.Pools.GroupBy(p => p.PoolId, StringComparer.Ordinal))
        {
            _poolsById[group.Key] = [.. group];
        }

        foreach (var provider in trust.Providers)
        {
            _providerPools.TryAdd(provider, FindPoolOf(provider));
        }

        // Every pool name a principal can carry: a loaded pool's, or a provider's when its pool is not loaded.
        foreach (var name in trust.Pools.Select(p => p.Name).Concat(trust.Providers.Select(p => p.PoolName)))
        {
            if (!_principalPools.ContainsKey(name))
            {
                _principalPools[name] = FindPrincipalPool(name);
            }
        }

        for (var i = 0; i < trust.Bindings.Count; i++)
        {
            var binding = trust.Bindings[i];
            if (!binding.GrantsImpersonation)
            {
                continue;
            }

            var byTarget = binding.Target.Kind == GcpBindingTargetKind.ServiceAccount ? _onServiceAccount : _onProject;
            if (!byTarget.TryGetValue(binding.Target.Name, out var list))
            {
                byTarget[binding.Target.Name] = list = [];
            }

            list.Add(new IndexedBinding(i, binding, binding.Member is null ? null : GcpMember.Parse(binding.Member)));
        }
    }

    public TrustSet Trust => _trust;

    /// <summary>The pool a provider belongs to, if loaded: <see cref="TrustSet.PoolOf"/>, looked up.</summary>
    public GcpPool? PoolOf(GcpProvider provider) =>
        _providerPools.TryGetValue(provider, out var pool) ? pool : FindPoolOf(provider);

    /// <summary>A principal's pool name parsed, with the loaded pool it names (first in input order), if any.</summary>
    public PrincipalPool Principal(string poolName) =>
        _principalPools.TryGetValue(poolName, out var found) ? found : FindPrincipalPool(poolName);

    /// <summary>
    /// Bindings that let a member impersonate <paramref name="email"/>, on the account (email compared without
    /// case) or on its project, in input order.
    /// </summary>
    public IReadOnlyList<IndexedBinding> ImpersonationBindings(string email)
    {
        var onAccount = _onServiceAccount.TryGetValue(email, out var a) ? a : null;
        var onProject = GcpBindingMatcher.ProjectOf(email) is { } project && _onProject.TryGetValue(project, out var p) ? p : null;
        if (onAccount is null || onProject is null)
        {
            return (IReadOnlyList<IndexedBinding>?)onAccount ?? onProject ?? [];
        }

        // Both lists are in input order; merge them so the first matching binding is the one a scan would find.
        var merged = new IndexedBinding[onAccount.Count + onProject.Count];
        int i = 0, j = 0, k = 0;
        while (i < onAccount.Count || j < onProject.Count)
        {
            merged[k++] = j == onProject.Count || (i < onAccount.Count && onAccount[i].Order < onProject[j].Order) ? onAccount[i++] : onProject[j++];
        }

        return merged;
    }

    private GcpPool? FindPoolOf(GcpProvider provider)
    {
        if (_poolsById.TryGetValue(provider.PoolId, out var pools))
        {
            foreach (var pool in pools)
            {
                if (pool.Project.SameAs(provider.Project) != false)
                {
                    return pool;
                }
            }
        }

        return null;
    }

    private PrincipalPool FindPrincipalPool(string poolName)
    {
        var parsed = GcpMember.Parse($"principalSet://iam.googleapis.com/{poolName}/*");
        if (parsed.PoolId is not null && _poolsById.TryGetValue(parsed.PoolId, out var pools))
        {
            foreach (var pool in pools)
            {
                var sameProject = pool.Project.SameAs(parsed.Project);
                if (sameProject is null && pool.Project.Id is not null && _trust.ProjectNumberOf(pool.Project) is { } number)
                {
                    sameProject = number == parsed.Project.Number;
                }

                if (sameProject != false)
                {
                    return new PrincipalPool(parsed, pool);
                }
            }
        }

        return new PrincipalPool(parsed, null);
    }
}

/// <summary>A principal's pool name parsed (as a pool-wide member), and the loaded pool it names.</summary>
internal sealed record PrincipalPool(GcpMember Parsed, GcpPool? Pool);

/// <summary>An impersonation binding with its input position and its member parsed once (null when unknown).</summary>
internal readonly record struct IndexedBinding(int Order, GcpBinding Binding, GcpMember? Member);
