using Keyless.Trust.Claims;
using Keyless.Trust.GitLab;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Finds the projects a path's trust was meant for. The GitLab project inputs come first (those whose id or path
/// the trust pins, else the only one given); then the projects the trust's pins name exactly: <c>==</c>,
/// <c>in</c>, an anchored literal regex, a subject literal, an IAM principal. A <c>!=</c>, a prefix, a suffix or a
/// <c>contains</c> never names a victim. Several pinned projects give several victims, each attacked in turn; no
/// pin at all gives a stand-in (a trust that pins no project is open to everyone, whoever the victim is).
/// </summary>
public static class VictimResolver
{
    private const string StandInId = "4000001";
    private const string StandInNamespaceId = "4000002";
    private const string StandInName = "keyless-victim";
    private const string StandInGroup = "keyless-victim-group";

    // Built once per TrustSet: an audit resolves victims for every attack path, and an org has many projects.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrustSet, ProjectIndex> Indexes = [];

    /// <summary>The first victim of a path (see <see cref="ResolveAll"/>).</summary>
    public static VictimProject Resolve(TrustSet trust, AtomSet atoms, IReadOnlyCollection<string>? boundProjectIds = null) =>
        ResolveAll(trust, atoms, boundProjectIds)[0];

    /// <summary>Every victim of one attack path; project ids the identity's own binding pins decide when there are any.</summary>
    public static IReadOnlyList<VictimProject> ResolveAll(TrustSet trust, AtomSet atoms, IReadOnlyCollection<string>? boundProjectIds = null)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(atoms);
        // The binding and the condition must both hold: when the identity's own binding pins project ids, the victims
        // are those projects (several members are alternatives), whatever else the provider's condition admits.
        var ids = boundProjectIds is { Count: > 0 }
            ? boundProjectIds.Distinct(StringComparer.Ordinal).ToList()
            : Pinned(atoms, GitLabClaimNames.ProjectId, GitLabClaimNames.JobProjectId);

        var paths = Pinned(atoms, GitLabClaimNames.ProjectPath, GitLabClaimNames.JobProjectPath).Where(GitLabPaths.IsValidProjectPath).ToList();
        var index = Indexes.GetValue(trust, ProjectIndex.Build);

        // Inputs first: the project the first pinned id names, then those whose ids or paths the trust pins in input
        // order; with no pin at all, the only project input.
        var byId = ids.Select(i => index.ById.GetValueOrDefault(i)).Where(p => p.Project is not null).ToList();
        var byPath = paths.Select(p => index.ByPath.GetValueOrDefault(p)).Where(p => p.Project is not null);
        var ordered = new List<(GitLabProject Project, int Position)>();
        if (byId.Count > 0)
        {
            ordered.Add(byId[0]);
            byId.RemoveAt(0);
        }

        ordered.AddRange(byId.Concat(byPath).OrderBy(p => p.Position));
        var projects = ordered.DistinctBy(p => p.Position).Select(p => p.Project).ToList();
        if (projects.Count == 0 && ids.Count == 0 && paths.Count == 0 && trust.GitLabProjects.Count == 1)
        {
            projects.Add(trust.GitLabProjects[0]);
        }

        var victims = projects.Select(p => FromProject(p, atoms)).ToList();
        var coveredIds = victims.Where(v => v.IdKnown).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var coveredPaths = victims.Where(v => v.PathKnown).Select(v => v.Path).ToHashSet(StringComparer.Ordinal);
        victims.AddRange(FromPins(atoms, ids.Where(i => !coveredIds.Contains(i)).ToList(), paths.Where(p => !coveredPaths.Contains(p)).ToList(), victims));
        if (victims.Count == 0)
        {
            victims.AddRange(FromPatterns(atoms));
        }

        if (victims.Count == 0)
        {
            victims.Add(Build(atoms, null, StandInGroup + "/" + StandInName, pathKnown: false, null, Pinned(atoms, GitLabClaimNames.NamespaceId, GitLabClaimNames.JobNamespaceId))
                with { Basis = "a stand-in: the trust pins no project" });
        }

        return victims.Count == 1 ? victims : victims.Select(v => v with { CandidateCount = victims.Count }).ToArray();
    }

    /// <summary>
    /// Victims the pins describe that no input does: ids and paths paired in order (a condition that pins one id
    /// and one path names one project), then pinned namespaces that hold none of them, as a project in each.
    /// </summary>
    private static List<VictimProject> FromPins(AtomSet atoms, List<string> ids, List<string> paths, IReadOnlyList<VictimProject> known)
    {
        var namespaces = Pinned(atoms, GitLabClaimNames.NamespacePath, GitLabClaimNames.JobNamespacePath).Where(GitLabPaths.IsValidNamespacePath).ToList();
        var namespaceIds = Pinned(atoms, GitLabClaimNames.NamespaceId, GitLabClaimNames.JobNamespaceId);
        var victims = new List<VictimProject>();
        for (var i = 0; i < Math.Max(ids.Count, paths.Count); i++)
        {
            var id = i < ids.Count ? ids[i] : null;
            var path = i < paths.Count ? paths[i] : null;
            var ns = path is null ? namespaces.FirstOrDefault() : GitLabPaths.NamespaceOf(path);
            ns ??= PatternNamespace(atoms);
            victims.Add(Build(atoms, id, path ?? (ns ?? StandInGroup) + "/" + StandInName, path is not null, ns, namespaceIds));
        }

        foreach (var ns in namespaces.Where(n => !victims.Concat(known).Any(v => v.NamespacePath == n)))
        {
            victims.Add(Build(atoms, null, ns + "/" + StandInName, pathKnown: false, ns, namespaceIds) with { Basis = $"a project in the namespace '{ns}' the trust pins" });
        }

        return victims;
    }

    /// <summary>
    /// With no exact pin, the projects the trust's positive patterns start with: a prefix that is a whole project path
    /// (<c>project_path:acme/app*</c>), or a project in a namespace a prefix spells (<c>startsWith('acme')</c>). Each is
    /// an assumption the findings state.
    /// </summary>
    private static IEnumerable<VictimProject> FromPatterns(AtomSet atoms)
    {
        var namespaceIds = Pinned(atoms, GitLabClaimNames.NamespaceId, GitLabClaimNames.JobNamespaceId);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var atom in atoms.Pins.Where(a => a.Kind is AtomKind.Prefix or AtomKind.Wildcard or AtomKind.Regex))
        {
            var lead = LeadingLiteral(atom).TrimEnd('/');
            var isProject = atom.Claim is GitLabClaimNames.ProjectPath or GitLabClaimNames.JobProjectPath;
            var isNamespace = atom.Claim is GitLabClaimNames.NamespacePath or GitLabClaimNames.JobNamespacePath;
            string? path = isProject && GitLabPaths.IsValidProjectPath(lead) ? lead
                : (isProject || isNamespace) && GitLabPaths.IsValidNamespacePath(lead) ? lead + "/" + StandInName
                : null;
            if (path is null || !seen.Add(path))
            {
                continue;
            }

            var pathKnown = isProject && path == lead;
            yield return Build(atoms, null, path, pathKnown, GitLabPaths.NamespaceOf(path), namespaceIds) with
            {
                NamespaceKnown = true,
                Basis = (pathKnown ? $"the project '{path}'" : $"a project in '{GitLabPaths.NamespaceOf(path)}'") + $", read off {atom} (no project is pinned exactly)",
                Assumption = "the victim is " + (pathKnown ? $"the project '{path}'" : $"a project in '{GitLabPaths.NamespaceOf(path)}'") + $", read off {atom} (no project is pinned exactly)",
            };
        }
    }

    /// <summary>The namespace the first positive path pattern spells (<c>startsWith('acme')</c> → acme), for a victim known by id alone.</summary>
    private static string? PatternNamespace(AtomSet atoms) =>
        FromPatterns(atoms).Select(v => v.NamespacePath).FirstOrDefault();

    /// <summary>The literal text a pattern starts with (<c>acme/*</c> → <c>acme/</c>, <c>^acme/</c> → <c>acme/</c>).</summary>
    internal static string LeadingLiteral(ClaimAtom atom)
    {
        ArgumentNullException.ThrowIfNull(atom);
        var pattern = atom.Literal;
        var start = atom.Kind switch
        {
            AtomKind.Prefix => -1,
            AtomKind.Regex => pattern.StartsWith('^') ? 1 : pattern.Length,
            _ => 0,
        };
        if (start < 0)
        {
            return pattern;
        }

        var end = start;
        while (end < pattern.Length && (char.IsAsciiLetterOrDigit(pattern[end]) || pattern[end] is '/' or '-' or '_'))
        {
            end++;
        }

        return pattern[start..end];
    }

    private static VictimProject Build(AtomSet atoms, string? id, string path, bool pathKnown, string? ns, List<string> namespaceIds)
    {
        var nsPath = ns ?? GitLabPaths.NamespaceOf(path);
        return new VictimProject
        {
            Id = id ?? StandInId,
            IdKnown = id is not null,
            Path = path,
            PathKnown = pathKnown,
            NamespaceId = namespaceIds.FirstOrDefault() ?? StandInNamespaceId,
            NamespaceIdKnown = namespaceIds.Count > 0,
            NamespacePath = nsPath,
            NamespaceKnown = pathKnown || ns is not null,
            Components = ComponentsOf(atoms) ?? SubClaimRenderer.DefaultComponents,
            Visibility = VisibilityOf(atoms, null),
            Basis = "pinned by the trust",
        };
    }

    private static VictimProject FromProject(GitLabProject project, AtomSet atoms)
    {
        // A Terraform configuration may know a project by id alone (an import block): keep its protection
        // settings and take the path the trust pins.
        var pinnedPath = Pinned(atoms, GitLabClaimNames.ProjectPath, GitLabClaimNames.JobProjectPath).FirstOrDefault(GitLabPaths.IsValidProjectPath);
        var path = project.Path ?? pinnedPath;
        var known = project.ProtectedBranches.Count > 0 || project.ProtectedTags.Count > 0 || project.ProtectedEnvironments.Count > 0;
        var id = project.Id ?? Pinned(atoms, GitLabClaimNames.ProjectId).FirstOrDefault();
        var namespaceId = project.NamespaceId ?? Pinned(atoms, GitLabClaimNames.NamespaceId).FirstOrDefault();
        var resolvedPath = path ?? (Pinned(atoms, GitLabClaimNames.NamespacePath).FirstOrDefault() ?? PatternNamespace(atoms) ?? StandInGroup) + "/" + StandInName;
        return new VictimProject
        {
            Id = id ?? StandInId,
            IdKnown = id is not null,
            Path = resolvedPath,
            PathKnown = path is not null,
            NamespaceId = namespaceId ?? StandInNamespaceId,
            NamespaceIdKnown = namespaceId is not null,
            NamespacePath = project.NamespacePath ?? GitLabPaths.NamespaceOf(resolvedPath),
            NamespaceKnown = project.NamespacePath is not null || path is not null,
            Components = project.SubClaimComponents ?? ComponentsOf(atoms) ?? SubClaimRenderer.DefaultComponents,
            SettingsKnown = known,
            Visibility = VisibilityOf(atoms, project.Visibility),
            ProtectedBranches = project.ProtectedBranches,
            ProtectedTags = project.ProtectedTags,
            ProtectedEnvironments = project.ProtectedEnvironments,
            Project = project,
            DefaultBranch = project.DefaultBranch ?? "main",
            Basis = "the GitLab project input " + project.DisplayName,
        };
    }

    private static string VisibilityOf(AtomSet atoms, string? given) =>
        given is { } v && GitLabUsers.Visibilities.Contains(v, StringComparer.Ordinal) ? v
        : Pinned(atoms, GitLabClaimNames.ProjectVisibility).FirstOrDefault(GitLabUsers.Visibilities.Contains) ?? "private";

    private static IReadOnlyList<string>? ComponentsOf(AtomSet atoms) =>
        atoms.On(GitLabClaimNames.Subject).Where(a => a.Kind is AtomKind.Equals or AtomKind.Wildcard)
            .OrderBy(a => a.Kind == AtomKind.Equals ? 0 : 1)
            .Select(a => SubPatterns.Components(a.Literal))
            .FirstOrDefault(c => c is { Count: > 1 } && SubClaimRenderer.Validate(c) is null);

    /// <summary>Values positive equality pins give these claims, first pinned first.</summary>
    private static List<string> Pinned(AtomSet atoms, params string[] claims) =>
        atoms.Pins.Where(a => a.Kind == AtomKind.Equals && claims.Contains(a.Claim)).Select(a => a.Literal).Distinct(StringComparer.Ordinal).ToList();

    // By id and by path, each project with its input position; the first input with an id or path wins.
    private sealed record ProjectIndex(Dictionary<string, (GitLabProject Project, int Position)> ById, Dictionary<string, (GitLabProject Project, int Position)> ByPath)
    {
        public static ProjectIndex Build(TrustSet trust)
        {
            var byId = new Dictionary<string, (GitLabProject Project, int Position)>(StringComparer.Ordinal);
            var byPath = new Dictionary<string, (GitLabProject Project, int Position)>(StringComparer.Ordinal);
            for (var position = 0; position < trust.GitLabProjects.Count; position++)
            {
                var project = trust.GitLabProjects[position];
                if (project.Id is { } id)
                {
                    byId.TryAdd(id, (project, position));
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
