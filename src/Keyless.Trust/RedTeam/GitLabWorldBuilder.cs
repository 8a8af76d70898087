using Keyless.Trust.Claims;
using Keyless.Trust.GitLab;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Builds the <see cref="GitLabWorld"/> an audit attacks in: every GitLab project input, every victim, and every name
/// the trust mentions anywhere (a path, namespace, id, login or address belongs to someone, whatever operator
/// mentions it).
/// </summary>
public static class GitLabWorldBuilder
{
    private static readonly string[] ProjectPathClaims = [GitLabClaimNames.ProjectPath, GitLabClaimNames.JobProjectPath, GitLabClaimNames.SourceProjectPath];
    private static readonly string[] NamespacePathClaims = [GitLabClaimNames.NamespacePath, GitLabClaimNames.JobNamespacePath, GitLabClaimNames.SourceNamespacePath];

    public static GitLabWorld Build(TrustSet trust, IEnumerable<AttackPath> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Build(trust, [Contribution.Of(paths)]);
    }

    /// <summary>
    /// The world of the inputs and of every contribution, in the order given (a project id or path met twice keeps the
    /// first project that had it).
    /// </summary>
    internal static GitLabWorld Build(TrustSet trust, IEnumerable<Contribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(contributions);
        var world = new GitLabWorld();
        foreach (var project in trust.GitLabProjects)
        {
            world.AddProject(project.Id, project.Path, project.NamespaceId, project.NamespacePath);
        }

        foreach (var contribution in contributions)
        {
            foreach (var v in contribution.Victims)
            {
                world.AddProject(v.Id, v.Path, v.NamespaceId, v.NamespacePath);
            }

            // Naming only adds to sets: the order of the names does not matter.
            foreach (var atom in contribution.Names)
            {
                Name(world, atom);
            }
        }

        return world;
    }

    /// <summary>
    /// What some attack paths (one identity's) add to the world: their victims in order, and their atoms (the same
    /// objects, not copies). It holds neither the paths nor their atom sets, so an audit can build every identity's
    /// paths for the world, let them go, and build each again when it searches it, instead of holding them all.
    /// </summary>
    internal sealed class Contribution
    {
        private Contribution(VictimProject[] victims, ClaimAtom[] names)
        {
            Victims = victims;
            Names = names;
        }

        public IReadOnlyList<VictimProject> Victims { get; }

        /// <summary>The atoms of the paths, each of which may name something.</summary>
        public IReadOnlyList<ClaimAtom> Names { get; }

        public static Contribution Of(IEnumerable<AttackPath> paths)
        {
            var victims = new List<VictimProject>();
            var names = new List<ClaimAtom>();
            var seenAtoms = new HashSet<AtomSet>(ReferenceEqualityComparer.Instance);
            foreach (var path in paths)
            {
                victims.Add(path.Victim);
                if (seenAtoms.Add(path.Atoms))
                {
                    names.AddRange(path.Atoms.Atoms);
                }
            }

            return new Contribution([.. victims], [.. names]);
        }
    }

    private static void Name(GitLabWorld world, ClaimAtom atom)
    {
        var (claim, kind, literal) = (atom.Claim, atom.Kind, atom.Literal);
        if (claim.EndsWith("_id", StringComparison.Ordinal) && kind == AtomKind.Equals)
        {
            world.NameId(literal);
        }
        else if (ProjectPathClaims.Contains(claim) || NamespacePathClaims.Contains(claim))
        {
            var isProject = ProjectPathClaims.Contains(claim);
            switch (kind)
            {
                case AtomKind.Equals when isProject:
                    world.NameProjectPath(literal);
                    break;
                case AtomKind.Equals:
                    world.NameNamespace(literal);
                    break;
                case AtomKind.Prefix or AtomKind.Wildcard or AtomKind.Regex when VictimResolver.LeadingLiteral(atom) is { Length: > 0 } lead:
                    // 'acme/app*' and startsWith('acme') name the group acme; 'acme-evil' is still free.
                    world.NameNamespace(lead);
                    break;
            }
        }
        else if (claim == GitLabClaimNames.UserLogin && kind == AtomKind.Equals)
        {
            world.NameLogin(literal);
        }
        else if (claim == GitLabClaimNames.UserEmail)
        {
            if (kind == AtomKind.Equals)
            {
                world.NameEmail(literal);
            }
            else if (kind == AtomKind.Suffix && literal.TrimStart('@') is { } domain && domain.Contains('.', StringComparison.Ordinal) && !domain.Contains('@', StringComparison.Ordinal))
            {
                world.NameEmailDomain(domain);
            }
        }
    }
}
