using Keyless.Cel;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Evaluation.Azure;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>Turns an identity into its attack paths, each with the atoms its trust applies and its victim.</summary>
public sealed class AttackPathBuilder(TrustSet trust)
{
    private readonly Dictionary<GcpProvider, (Dictionary<string, ClaimSource> Mapping, CelExpr? Condition, HashSet<string> Reads)> _providers = [];

    public IReadOnlyList<AttackPath> For(Identity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Azure is { } azure
            ? azure.Credentials.Select(c => Azure(identity, c)).ToArray()
            : identity.Providers.Select(p => Gcp(identity, p)).ToArray();
    }

    private AttackPath Gcp(Identity identity, GcpProvider provider)
    {
        var atoms = new AtomSet();
        var (mapping, condition, reads) = Compiled(provider);
        foreach (var claim in reads)
        {
            atoms.Read(claim);
        }

        var harvester = new CelAtomHarvester(mapping, atoms);
        if (condition is not null)
        {
            harvester.Harvest(condition);
        }
        else if (provider.AttributeCondition is { Length: > 0 })
        {
            atoms.NotInFragment("the attribute condition does not compile");
        }

        // Project ids the binding itself pins (attribute.X/ID with X mapped from project_id): the victim is the
        // project the identity was bound for, not just any project the provider's condition admits.
        var boundProjectIds = new List<string>();
        foreach (var binding in identity.Bindings)
        {
            if (binding.Member is null)
            {
                atoms.NotInFragment($"a binding member not known until apply ({binding.Source})");
                continue;
            }

            var member = GcpMember.Parse(binding.Member);
            if (member.PoolId != provider.PoolId)
            {
                continue;
            }

            switch (member.Kind)
            {
                case GcpMemberKind.Subject:
                    harvester.MappedEquals("google.subject", member.Value!);
                    break;
                case GcpMemberKind.Attribute:
                    harvester.MappedEquals("attribute." + member.AttributeName, member.Value!);
                    if (mapping.TryGetValue("attribute." + member.AttributeName, out var source)
                        && source is ClaimSource.Direct { Claim: GitLabClaimNames.ProjectId })
                    {
                        boundProjectIds.Add(member.Value!);
                    }

                    break;
                case GcpMemberKind.Group:
                    harvester.MappedEquals("google.groups", member.Value!);
                    atoms.NotInFragment($"the group member {member.Raw}");
                    break;
            }

            if (binding.ConditionExpression is not null)
            {
                atoms.NotInFragment($"the IAM condition on {binding.Role} ({binding.Source})");
            }
        }

        var name = trust.StsProviderName(provider);
        return new AttackPath
        {
            Identity = identity,
            Label = "provider " + provider.Name,
            Issuer = (provider.IssuerUri ?? "https://gitlab.com").TrimEnd('/'),
            Audience = provider.AllowedAudiences.Count > 0 ? provider.AllowedAudiences[0] : "//iam.googleapis.com/" + name,
            Provider = provider,
            Source = provider.Source,
            Atoms = atoms,
            Victim = VictimResolver.Resolve(trust, atoms, boundProjectIds),
        };
    }

    private AttackPath Azure(Identity identity, AzureFederatedCredential credential)
    {
        var atoms = new AtomSet();
        atoms.Read(GitLabClaimNames.Subject);
        if (credential.ClaimsMatchingExpression is { } expression)
        {
            var parsed = FlexibleExpression.Parse(expression);
            if (parsed.Error is not null)
            {
                atoms.NotInFragment("the claimsMatchingExpression does not parse: " + parsed.Error);
            }

            foreach (var clause in parsed.Clauses)
            {
                var atom = new ClaimAtom(clause.Claim, clause.Operator == "eq" ? AtomKind.Equals : AtomKind.Wildcard, clause.Value);
                atoms.Add(atom);
                SubPatterns.Decompose(atom, atoms);
            }
        }
        else if (credential.Subject is { } subject)
        {
            var atom = new ClaimAtom(GitLabClaimNames.Subject, AtomKind.Equals, subject);
            atoms.Add(atom);
            SubPatterns.Decompose(atom, atoms);
        }

        if (credential.Unknown.Count > 0)
        {
            atoms.NotInFragment($"{string.Join(", ", credential.Unknown)} not known until apply");
        }

        return new AttackPath
        {
            Identity = identity,
            Label = $"credential '{credential.Name}'",
            Issuer = credential.Issuer ?? "https://gitlab.com",
            Audience = credential.Audiences.Count > 0 ? credential.Audiences[0] : "api://AzureADTokenExchange",
            Credential = credential,
            Source = credential.Source,
            Atoms = atoms,
            Victim = VictimResolver.Resolve(trust, atoms),
        };
    }

    private (Dictionary<string, ClaimSource> Mapping, CelExpr? Condition, HashSet<string> Reads) Compiled(GcpProvider provider)
    {
        if (_providers.TryGetValue(provider, out var compiled))
        {
            return compiled;
        }

        // The programs the evaluator runs, compiled once per trust: the red-team reads the same syntax trees.
        var programs = CompiledTrust.For(trust).Provider(provider);
        var mapping = new Dictionary<string, ClaimSource>(StringComparer.Ordinal);
        var reads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in programs.Mapping)
        {
            mapping[entry.Target] = entry.Program is { } program ? CelAtomHarvester.Source(program.Ast) : new ClaimSource.Opaque(entry.Source);
            if (entry.Program is { } read)
            {
                reads.UnionWith(AssertionReads.In(read.Ast));
            }
        }

        var condition = programs.Condition?.Ast;
        compiled = (mapping, condition, reads);
        _providers[provider] = compiled;
        return compiled;
    }
}
