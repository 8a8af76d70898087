using Keyless.Trust.Claims;
using Keyless.Trust.GitLab;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// The projects a persona can run a pipeline in: an outsider only in a namespace it creates at a path nobody holds
/// (<see cref="GitLabWorld.OutsiderMayOwn"/>), a group member only inside the victim's top-level group, a path
/// reclaimer at the victim's path with new ids, everyone else in the victim itself.
/// </summary>
public static class ProjectCandidates
{
    private const int FirstNewId = 9000001;

    /// <summary>Project paths worth trying: around every path, namespace and sub literal, and around the victim.</summary>
    public static List<string> Paths(VictimProject victim, AtomSet atoms)
    {
        ArgumentNullException.ThrowIfNull(victim);
        ArgumentNullException.ThrowIfNull(atoms);
        var paths = new List<string>
        {
            "keyless-attacker/" + victim.Name,
            victim.Path + "-evil",
            victim.Path + "x",
            "evil/" + victim.Path,
            victim.TopGroup + "/keyless-other",
            victim.TopGroup + "/keyless-sub/keyless-other",
            victim.NamespacePath + "/keyless-other",
            victim.NamespacePath + "/keyless-sub/keyless-other",
            victim.TopGroup + "-evil/" + victim.Name,
            victim.TopGroup + "x/" + victim.Name,
        };
        var literal = new List<string>(CandidateValues.For(atoms, GitLabClaimNames.ProjectPath, GitLabClaimNames.JobProjectPath, GitLabClaimNames.SourceProjectPath));
        foreach (var candidate in literal)
        {
            // A prefix of a namespace ('acme') is a project path only with a project under it.
            paths.Add(candidate.Contains('/', StringComparison.Ordinal) ? candidate : candidate + "/keyless-other");
            if (candidate.EndsWith('/'))
            {
                paths.Add(candidate + "keyless-other");
            }
        }

        foreach (var ns in CandidateValues.For(atoms, GitLabClaimNames.NamespacePath, GitLabClaimNames.JobNamespacePath))
        {
            paths.Add(ns + "/keyless-other");
        }

        return PersonaCapabilities.Distinct(paths.Where(GitLabPaths.IsValidProjectPath));
    }

    /// <summary>
    /// The projects of one scenario; <c>outsiderPaths</c> are the paths an outsider can create among <c>paths</c> with
    /// their namespaces (<see cref="OutsiderPaths"/>), when the caller keeps them for several scenarios.
    /// </summary>
    public static ProjectShape[] For(AttackScenario scenario, VictimProject victim, IReadOnlyList<string> paths, GitLabWorld world, GitLabInstance instance,
        IReadOnlyList<(string Path, string Namespace)>? outsiderPaths = null)
    {
        ArgumentNullException.ThrowIfNull(victim);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(instance);
        var next = FirstNewId;
        var existing = new Dictionary<string, string>(StringComparer.Ordinal) { [victim.NamespacePath] = victim.NamespaceId };
        var created = new Dictionary<string, string>(StringComparer.Ordinal);

        // An existing namespace keeps its id; one the persona creates gets a new one (the same for every project in it).
        string NamespaceId(string ns, bool fresh)
        {
            var ids = fresh ? created : existing;
            if (ids.TryGetValue(ns, out var id))
            {
                return id;
            }

            return ids[ns] = (fresh ? null : world.NamespaceIdOf(ns)) ?? world.FreeId(ref next);
        }

        // GitLab.com offers no internal visibility to new projects (doc/user/public_access.md).
        string[] visibilities = instance.IsGitLabCom ? ["private", "public"] : ["private", "public", "internal"];
        ProjectShape Own(string path, string nsId, string visibility)
        {
            var id = world.FreeId(ref next);
            return new ProjectShape(id, path, nsId, GitLabPaths.NamespaceOf(path), id, path, nsId, GitLabPaths.NamespaceOf(path), visibility);
        }

        switch (scenario)
        {
            case AttackScenario.Anyone:
                return (outsiderPaths ?? OutsiderPaths(paths, victim, world))
                    .SelectMany(p => { var ns = NamespaceId(p.Namespace, fresh: true); var shape = Own(p.Path, ns, visibilities[0]); return visibilities.Select(v => shape with { Visibility = v }); })
                    .ToArray();
            case AttackScenario.GroupMember:
                return paths.Where(p => GitLabPaths.IsWithin(p, victim.TopGroup) && !string.Equals(p, victim.Path, StringComparison.OrdinalIgnoreCase) && !world.IsTakenProjectPath(p))
                    .SelectMany(p => { var shape = Own(p, NamespaceId(GitLabPaths.NamespaceOf(p), fresh: false), visibilities[0]); return visibilities.Select(v => shape with { Visibility = v }); })
                    .ToArray();
            case AttackScenario.ForkContributor:
                // project_* name the fork, job_project_* the project the pipeline runs in, and project_visibility is
                // that project's (jwt.rb source_project vs project; jwt_v2.rb project.visibility_level).
                return (outsiderPaths ?? OutsiderPaths(paths, victim, world)).Select(p =>
                {
                    var fork = Own(p.Path, NamespaceId(p.Namespace, fresh: true), victim.Visibility);
                    return fork with { JobId = victim.Id, JobPath = victim.Path, JobNamespaceId = victim.NamespaceId, JobNamespacePath = victim.NamespacePath };
                }).ToArray();
            case AttackScenario.PathReclaimer:
                // The victim's namespace was renamed or deleted and registered again: the same paths, new ids.
                var reclaimedNamespace = NamespaceId(victim.NamespacePath, fresh: true);
                var reclaimed = Own(victim.Path, reclaimedNamespace, visibilities[0]);
                return visibilities.Select(v => reclaimed with { Visibility = v }).ToArray();
            default:
                return Victim(victim);
        }
    }

    /// <summary>Whether the scenario's persona runs its pipelines in the victim project itself (its projects are <see cref="Victim"/>).</summary>
    public static bool InVictim(AttackScenario scenario) =>
        scenario is not (AttackScenario.Anyone or AttackScenario.GroupMember or AttackScenario.ForkContributor or AttackScenario.PathReclaimer);

    /// <summary>The victim project, as its own pipelines run.</summary>
    public static ProjectShape[] Victim(VictimProject victim)
    {
        ArgumentNullException.ThrowIfNull(victim);
        return [new ProjectShape(victim.Id, victim.Path, victim.NamespaceId, victim.NamespacePath, victim.Id, victim.Path, victim.NamespaceId, victim.NamespacePath, victim.Visibility)];
    }

    /// <summary>Paths an outsider can create, with their namespaces: in a namespace whose top level nobody holds.</summary>
    public static IReadOnlyList<(string Path, string Namespace)> OutsiderPaths(IReadOnlyList<string> paths, VictimProject victim, GitLabWorld world)
    {
        var outsider = new List<(string, string)>();
        var top = victim.TopGroup;
        foreach (var path in paths)
        {
            var ns = GitLabPaths.NamespaceOf(path);
            if (world.OutsiderMayOwn(ns) && !world.IsTakenProjectPath(path) && !string.Equals(GitLabPaths.TopOf(path), top, StringComparison.OrdinalIgnoreCase))
            {
                outsider.Add((path, ns));
            }
        }

        return outsider;
    }
}
