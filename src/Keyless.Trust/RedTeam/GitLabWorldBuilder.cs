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
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(paths);
        var world = new GitLabWorld();
        foreach (var project in trust.GitLabProjects)
        {
            world.AddProject(project.Id, project.Path, project.NamespaceId, project.NamespacePath);
        }

        var seenAtoms = new HashSet<AtomSet>(ReferenceEqualityComparer.Instance);
        foreach (var path in paths)
        {
            var v = path.Victim;
            world.AddProject(v.Id, v.Path, v.NamespaceId, v.NamespacePath);
            if (seenAtoms.Add(path.Atoms))
            {
                foreach (var atom in path.Atoms.Atoms)
                {
                    Name(world, atom);
                }
            }
        }

        return world;
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
