using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Evaluation.Azure;
using Keyless.Trust.GitLab;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Turns an identity into its attack paths: one per GCP provider or Azure credential and per victim project, each
/// with the atoms its trust applies.
/// </summary>
public sealed class AttackPathBuilder(TrustSet trust)
{
    // Shared by every identity bound to the provider, and filled from several threads when paths are built in parallel.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<GcpProvider, CompiledProvider> _providers = new();

    // Each binding's member parsed once: the paths of an identity are built twice in an audit (for the model of
    // GitLab, then for its searches), and parsing splits the member into several strings.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, GcpMember> _members = new(StringComparer.Ordinal);

    /// <summary>
    /// What a provider gives every path through it: its mapping, the atoms of its condition (each path copies them and
    /// adds its identity's bindings) and its label.
    /// </summary>
    private sealed record CompiledProvider(Dictionary<string, ClaimSource> Mapping, AtomSet Atoms, string Label);

    public IReadOnlyList<AttackPath> For(Identity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Azure is { } azure ? azure.Credentials.SelectMany(c => Azure(identity, c)).ToArray()
            : identity.Aws is { } role ? [.. AwsPaths.For(trust, identity, role).SelectMany(p => PerVictim(p, VictimResolver.ResolveAll(trust, p.Atoms)))]
            : identity.Providers.SelectMany(p => Gcp(identity, p)).ToArray();
    }

    private static IEnumerable<AttackPath> PerVictim(AttackPath path, IReadOnlyList<VictimProject> victims) =>
        victims.Count == 1 ? [path with { Victim = victims[0] }]
        : victims.Select(v => path with { Victim = v, Label = $"{path.Label} (for project '{v.Path}')" });

    private IEnumerable<AttackPath> Gcp(Identity identity, GcpProvider provider)
    {
        var compiled = Compiled(provider);
        var mapping = compiled.Mapping;
        var atoms = compiled.Atoms.Copy();
        var harvester = new CelAtomHarvester(mapping, atoms);

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

            var member = _members.GetOrAdd(binding.Member, GcpMember.Parse);
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

        SubPatterns.DeriveProjectAtoms(atoms);
        var name = trust.StsProviderName(provider);
        var victims = VictimResolver.ResolveAll(trust, atoms, boundProjectIds);
        return PerVictim(new AttackPath
        {
            Identity = identity,
            Label = compiled.Label,
            Instance = GitLabInstance.ForIssuer(provider.IssuerUri),
            Audience = provider.AllowedAudiences.Count > 0 ? provider.AllowedAudiences[0] : "//iam.googleapis.com/" + name,
            Provider = provider,
            Source = provider.Source,
            Atoms = atoms,
            Victim = victims[0],
        }, victims);
    }

    private IEnumerable<AttackPath> Azure(Identity identity, AzureFederatedCredential credential)
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

            // Clauses are joined by 'and' only: every one must hold.
            foreach (var clause in parsed.Clauses)
            {
                var atom = new ClaimAtom(clause.Claim, clause.Operator == "eq" ? AtomKind.Equals : AtomKind.Wildcard, clause.Value);
                atoms.Add(atom);
                atoms.Pin(atom);
                SubPatterns.Decompose(atom, atoms, pin: true);
            }
        }
        else if (credential.Subject is { } subject)
        {
            var atom = new ClaimAtom(GitLabClaimNames.Subject, AtomKind.Equals, subject);
            atoms.Add(atom);
            atoms.Pin(atom);
            SubPatterns.Decompose(atom, atoms, pin: true);
        }

        if (credential.Unknown.Count > 0)
        {
            atoms.NotInFragment($"{string.Join(", ", credential.Unknown)} not known until apply");
        }

        SubPatterns.DeriveProjectAtoms(atoms);
        var victims = VictimResolver.ResolveAll(trust, atoms);
        return PerVictim(new AttackPath
        {
            Identity = identity,
            Label = $"credential '{credential.Name}'",
            Instance = GitLabInstance.ForIssuer(credential.Issuer),
            Audience = credential.Audiences.Count > 0 ? credential.Audiences[0] : "api://AzureADTokenExchange",
            Credential = credential,
            Source = credential.Source,
            Atoms = atoms,
            Victim = victims[0],
        }, victims);
    }

    private CompiledProvider Compiled(GcpProvider provider)
    {
        if (_providers.TryGetValue(provider, out var compiled))
        {
            return compiled;
        }

        // The programs the evaluator runs, compiled once per trust: the red-team reads the same syntax trees.
        var programs = CompiledTrust.For(trust).Provider(provider);
        var mapping = new Dictionary<string, ClaimSource>(StringComparer.Ordinal);
        var atoms = new AtomSet();
        foreach (var entry in programs.Mapping)
        {
            mapping[entry.Target] = entry.Program is { } program ? CelAtomHarvester.Source(program.Ast) : new ClaimSource.Opaque(entry.Source);
            if (entry.Program is { } read)
            {
                foreach (var claim in AssertionReads.In(read.Ast))
                {
                    atoms.Read(claim);
                }
            }
        }

        if (programs.Condition?.Ast is { } condition)
        {
            new CelAtomHarvester(mapping, atoms).Harvest(condition);
        }
        else if (provider.AttributeCondition is { Length: > 0 })
        {
            atoms.NotInFragment("the attribute condition does not compile");
        }

        // Two threads may compile the same provider; both results are equal and the first stored is kept.
        return _providers.GetOrAdd(provider, new CompiledProvider(mapping, atoms, "provider " + provider.Name));
    }
}
