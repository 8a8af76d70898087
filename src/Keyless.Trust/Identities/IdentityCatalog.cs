using Keyless.Trust.Evaluation.Gcp;
using Keyless.Trust.Model;

namespace Keyless.Trust.Identities;

/// <summary>Finds the identities a TrustSet makes reachable by federated tokens.</summary>
public static class IdentityCatalog
{
    public static IReadOnlyList<Identity> Build(TrustSet trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var identities = new List<Identity>();

        // Providers by pool id, in input order: one lookup per binding instead of a scan of every provider.
        var byPool = trust.Providers.ToLookup(p => p.PoolId, StringComparer.Ordinal);

        var serviceAccounts = trust.Bindings
            .Where(b => b.Target.Kind == GcpBindingTargetKind.ServiceAccount && b.GrantsImpersonation && IsFederatedOrUnknown(b))
            .GroupBy(b => b.Target.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var group in serviceAccounts)
        {
            var bindings = group.ToArray();
            identities.Add(new Identity
            {
                Kind = IdentityKind.GcpServiceAccount,
                Name = group.Key,
                Bindings = bindings,
                Providers = ProvidersFor(trust, byPool, bindings),
                Source = bindings[0].Source,
            });
        }

        var principals = trust.Bindings
            .Where(b => b.Target.Kind == GcpBindingTargetKind.Project && IsFederatedOrUnknown(b))
            .GroupBy(b => (Member: b.Member ?? "(member not known until apply)", Project: b.Target.Name));
        foreach (var group in principals)
        {
            var bindings = group.ToArray();
            identities.Add(new Identity
            {
                Kind = IdentityKind.GcpPrincipal,
                Name = $"{group.Key.Member} on projects/{group.Key.Project}",
                Member = bindings[0].Member,
                Bindings = bindings,
                Providers = ProvidersFor(trust, byPool, bindings),
                Source = bindings[0].Source,
            });
        }

        identities.AddRange(trust.AzureIdentities.Select(a => new Identity
        {
            Kind = a.Kind == AzureIdentityKind.Application ? IdentityKind.AzureApplication : IdentityKind.AzureManagedIdentity,
            Name = a.DisplayName,
            Azure = a,
            Source = a.Source,
        }));

        identities.AddRange(trust.AwsRoles.Where(r => r.TrustsFederation).Select(r => new Identity
        {
            Kind = IdentityKind.AwsRole,
            Name = r.DisplayName,
            Aws = r,
            Source = r.Source,
        }));

        return identities;
    }

    private static bool IsFederatedOrUnknown(GcpBinding binding) =>
        binding.Member is null || GcpMember.Parse(binding.Member).IsFederated;

    /// <summary>The providers of every pool the bindings' members name; all providers when a member is unknown.</summary>
    private static GcpProvider[] ProvidersFor(TrustSet trust, ILookup<string, GcpProvider> byPool, IEnumerable<GcpBinding> bindings)
    {
        var result = new List<GcpProvider>();
        var seen = new HashSet<GcpProvider>();
        foreach (var binding in bindings)
        {
            if (binding.Member is null)
            {
                return [.. trust.Providers];
            }

            var member = GcpMember.Parse(binding.Member);
            if (member.PoolId is null)
            {
                continue;
            }

            foreach (var provider in byPool[member.PoolId])
            {
                if (!seen.Contains(provider) && SameProject(trust, provider.Project, member.Project))
                {
                    seen.Add(provider);
                    result.Add(provider);
                }
            }
        }

        return [.. result];
    }

    private static bool SameProject(TrustSet trust, GcpProjectRef a, GcpProjectRef b)
    {
        var same = a.SameAs(b);
        if (same is not null)
        {
            return same.Value;
        }

        var an = trust.ProjectNumberOf(a);
        var bn = trust.ProjectNumberOf(b);
        return an is null || bn is null || an == bn;
    }
}
