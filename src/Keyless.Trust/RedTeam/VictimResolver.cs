using Keyless.Trust.Claims;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Finds the project a path's trust was meant for: the GitLab project input whose id or path the trust pins (or
/// the only one given), else the project the pinned literals describe, else a stand-in (a trust that pins no
/// project at all is open to everyone, whoever the victim is).
/// </summary>
public static class VictimResolver
{
    // Built once per TrustSet: an audit resolves a victim for every attack path, and an org has many projects.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrustSet, ProjectIndex> Indexes = [];

    /// <summary>The victim of one attack path; project ids the identity's own binding pins win over the provider's.</summary>
    public static VictimProject Resolve(TrustSet trust, AtomSet atoms, IReadOnlyCollection<string>? boundProjectIds = null)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(atoms);
        var ids = Literals(atoms, GitLabClaimNames.ProjectId, GitLabClaimNames.JobProjectId);
        if (boundProjectIds is { Count: > 0 })
        {
            ids = [.. boundProjectIds.Where(ids.Contains), .. ids.Where(i => !boundProjectIds.Contains(i))];
        }

        var paths = Literals(atoms, GitLabClaimNames.ProjectPath, GitLabClaimNames.JobProjectPath);
        var index = Indexes.GetValue(trust, ProjectIndex.Build);
        var project = ids.Select(i => index.ById.GetValueOrDefault(i)).FirstOrDefault(p => p is not null)
            ?? paths.Where(index.ByPath.ContainsKey).Select(p => index.ByPath[p]).OrderBy(p => p.Position).Select(p => p.Project).FirstOrDefault()
            ?? (trust.GitLabProjects.Count == 1 ? trust.GitLabProjects[0] : null);
        var inferred = Infer(atoms, ids, paths);
        return project is null ? inferred : FromProject(project, atoms, inferred);
    }

    // The project the trust's literals describe, when no GitLab settings name it (or they lack its path).
    private static VictimProject Infer(AtomSet atoms, List<string> ids, List<string> paths)
    {
        var namespaces = Literals(atoms, GitLabClaimNames.NamespacePath, GitLabClaimNames.JobNamespacePath);
        var prefixes = atoms.Atoms.Where(a => a.Claim is GitLabClaimNames.ProjectPath or GitLabClaimNames.NamespacePath
            && a.Kind is AtomKind.Prefix or AtomKind.Wildcard).Select(a => a.Literal.Split('*', '?')[0].TrimEnd('/')).Where(p => p.Length > 0);
        var victimPath = paths.FirstOrDefault()
            ?? (namespaces.FirstOrDefault() is { } ns ? ns + "/app" : null)
            ?? (prefixes.FirstOrDefault() is { } prefix ? (prefix.Contains('/', StringComparison.Ordinal) ? prefix : prefix + "/app") : null)
            ?? "victim-group/victim-project";
        var nsPath = victimPath.Contains('/', StringComparison.Ordinal) ? victimPath[..victimPath.LastIndexOf('/')] : victimPath;
        var namespaceIds = Literals(atoms, GitLabClaimNames.NamespaceId, GitLabClaimNames.JobNamespaceId);
        return new VictimProject
        {
            Id = ids.FirstOrDefault() ?? "4000001",
            IdKnown = ids.Count > 0,
            Path = victimPath,
            NamespaceId = namespaceIds.FirstOrDefault() ?? "4000002",
            NamespaceIdKnown = namespaceIds.Count > 0,
            NamespacePath = namespaces.FirstOrDefault() ?? nsPath,
            Components = ComponentsOf(atoms) ?? SubClaimRenderer.DefaultComponents,
            DefaultBranch = Literals(atoms, GitLabClaimNames.Ref).FirstOrDefault() ?? "main",
        };
    }

    private static VictimProject FromProject(GitLabProject project, AtomSet atoms, VictimProject inferred)
    {
        // A Terraform configuration may know a project by id alone (an import block): keep its protection
        // settings and take the path the trust's literals describe.
        var path = project.Path ?? inferred.Path;
        var known = project.ProtectedBranches.Count > 0 || project.ProtectedTags.Count > 0 || project.ProtectedEnvironments.Count > 0;
        var id = project.Id ?? Literals(atoms, GitLabClaimNames.ProjectId).FirstOrDefault();
        var namespaceId = project.NamespaceId ?? Literals(atoms, GitLabClaimNames.NamespaceId).FirstOrDefault();
        return new VictimProject
        {
            Id = id ?? "4000001",
            IdKnown = id is not null,
            Path = path,
            NamespaceId = namespaceId ?? "4000002",
            NamespaceIdKnown = namespaceId is not null,
            NamespacePath = project.NamespacePath ?? (path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : path),
            Components = project.SubClaimComponents ?? ComponentsOf(atoms) ?? SubClaimRenderer.DefaultComponents,
            SettingsKnown = known,
            ProtectedBranches = project.ProtectedBranches,
            ProtectedTags = project.ProtectedTags,
            ProtectedEnvironments = project.ProtectedEnvironments,
            Project = project,
            DefaultBranch = project.ProtectedBranches.FirstOrDefault(b => !b.Pattern.Contains('*', StringComparison.Ordinal))?.Pattern ?? "main",
        };
    }

    private static IReadOnlyList<string>? ComponentsOf(AtomSet atoms) =>
        atoms.On(GitLabClaimNames.Subject).Where(a => a.Kind is AtomKind.Equals or AtomKind.Wildcard)
            .OrderBy(a => a.Kind == AtomKind.Equals ? 0 : 1)
            .Select(a => SubPatterns.Components(a.Literal))
            .FirstOrDefault(c => c is { Count: > 1 } && SubClaimRenderer.Validate(c) is null);

    private static List<string> Literals(AtomSet atoms, params string[] claims) =>
        atoms.Atoms.Where(a => a.Kind == AtomKind.Equals && claims.Contains(a.Claim)).Select(a => a.Literal).Distinct(StringComparer.Ordinal).ToList();

    // By path, the project with its input position: of the projects whose paths the trust pins, the first input wins.
    private sealed record ProjectIndex(Dictionary<string, GitLabProject> ById, Dictionary<string, (GitLabProject Project, int Position)> ByPath)
    {
        // The first project input with an id or path wins, as the linear search it replaces did.
        public static ProjectIndex Build(TrustSet trust)
        {
            var byId = new Dictionary<string, GitLabProject>(StringComparer.Ordinal);
            var byPath = new Dictionary<string, (GitLabProject, int)>(StringComparer.Ordinal);
            for (var position = 0; position < trust.GitLabProjects.Count; position++)
            {
                var project = trust.GitLabProjects[position];
                if (project.Id is { } id)
                {
                    byId.TryAdd(id, project);
                }

                if (project.Path is { } path)
                {
                    byPath.TryAdd(path, (project, position));
                }
            }

            return new ProjectIndex(byId, byPath);
        }
    }
}
