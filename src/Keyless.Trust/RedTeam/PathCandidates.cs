using Keyless.Trust.Claims;
using Keyless.Trust.GitLab;

namespace Keyless.Trust.RedTeam;

/// <summary>The values a path offers every scenario: candidates harvested from its atoms, around its victim.</summary>
public sealed class PathCandidates
{
    public PathCandidates(AttackPath path)
        : this(path, shared: true)
    {
    }

    /// <param name="path">The path.</param>
    /// <param name="shared">False when one thread alone reads them (one identity's searches): no locks then.</param>
    internal PathCandidates(AttackPath path, bool shared)
    {
        ArgumentNullException.ThrowIfNull(path);
        _shared = shared;
        _atoms = path.Atoms;
        var victim = path.Victim;
        Victim = victim;
        var atoms = path.Atoms;
        ProjectPaths = ProjectCandidates.Paths(victim, atoms);
        RefNames = RefCandidates(victim, atoms);
        EnvironmentNames = PersonaCapabilities.Distinct([.. CandidateValues.For(atoms, GitLabClaimNames.Environment), "production", "keyless-review",
            .. victim.ProtectedEnvironments.Select(e => e.Name)]).Where(GitLabEnvironments.IsValidName).ToList();
        VictimComponents = [victim.Components];
        OwnProjectComponents = SubComponentChoices(victim, atoms);
        UserCandidates = new PersonaUsers.Candidates(atoms);

        // Where the trust never reads pipeline_source, one source stands for all: every other claim is the same.
        ReadsSource = atoms.ClaimsRead.Contains(GitLabClaimNames.PipelineSource);
        ReadsAction = atoms.ClaimsRead.Contains(GitLabClaimNames.EnvironmentAction);
    }

    public bool ReadsSource { get; }

    /// <summary>Whether the trust reads <c>environment_action</c>: only then does the search try every action.</summary>
    public bool ReadsAction { get; }

    /// <summary>The environment lists scenarios share (<see cref="Environments"/>).</summary>
    internal enum EnvironmentChoice
    {
        Own,
        Developer,
        NoneOrDeveloper,
        Maintainer,
    }

    /// <summary>The path's victim, whose project the values are around.</summary>
    public VictimProject Victim { get; }

    public List<string> ProjectPaths { get; }

    public List<string> RefNames { get; }

    public List<string> EnvironmentNames { get; }

    public IReadOnlyList<IReadOnlyList<string>> VictimComponents { get; }

    public IReadOnlyList<IReadOnlyList<string>> OwnProjectComponents { get; }

    public PersonaUsers.Candidates UserCandidates { get; }

    // What several scenarios of the path share, made once: the refs a persona runs in its own project, the refs a
    // Developer pushes (branches, tags), and the classes the search splits each list of refs into.
    private RefEvent[]? _ownRefEvents;
    private readonly RefEvent[]?[] _developerRefEvents = new RefEvent[]?[2];
    private readonly Dictionary<object, object> _classes = new(ReferenceEqualityComparer.Instance);
    private readonly bool _shared;

    private IReadOnlyList<(string Path, string Namespace)>? _outsiderPaths;

    /// <summary>What the search varies on this path for a scenario whose tokens carry these component lists.</summary>
    internal SearchDimensions Dimensions(IReadOnlyList<IReadOnlyList<string>> componentSets)
    {
        // Made once for each of the path's two lists where one thread reads them (a nullable struct is not written atomically).
        if (_shared)
        {
            return SearchDimensions.Of(_atoms, componentSets);
        }

        return ReferenceEquals(componentSets, OwnProjectComponents) ? _ownDimensions ??= SearchDimensions.Of(_atoms, componentSets)
            : ReferenceEquals(componentSets, VictimComponents) ? _victimDimensions ??= SearchDimensions.Of(_atoms, componentSets)
            : SearchDimensions.Of(_atoms, componentSets);
    }

    private readonly AtomSet _atoms;
    private SearchDimensions? _ownDimensions;
    private SearchDimensions? _victimDimensions;

    /// <summary>One of the environment lists, made once per path (several scenarios offer the same, and share its classes).</summary>
    internal EnvShape[] Environments(EnvironmentChoice choice, Func<PathCandidates, EnvironmentChoice, EnvShape[]> make) =>
        _environments[(int)choice] ??= make(this, choice);

    private readonly EnvShape[]?[] _environments = new EnvShape[]?[4];

    /// <summary>The victim's own project, made once for the personas that work in it.</summary>
    internal ProjectShape[] VictimProjects(Func<PathCandidates, ProjectShape[]> make) => _victimProjects ??= make(this);

    private ProjectShape[]? _victimProjects;

    internal RefEvent[] OwnRefEvents(Func<PathCandidates, RefEvent[]> make) => _ownRefEvents ??= make(this);

    /// <summary>The project paths an outsider can create around this path's victim (anyone, a fork's author).</summary>
    internal IReadOnlyList<(string Path, string Namespace)> OutsiderPaths(VictimProject victim, GitLabWorld world) =>
        _outsiderPaths ??= ProjectCandidates.OutsiderPaths(ProjectPaths, victim, world);

    internal RefEvent[] DeveloperRefEvents(bool tags, Func<PathCandidates, bool, RefEvent[]> make) => _developerRefEvents[tags ? 1 : 0] ??= make(this, tags);

    /// <summary>The classes of one list of values on this path (their atoms are the path's), made once per list.</summary>
    internal List<T> Classes<T>(IReadOnlyList<T> values, Func<IReadOnlyList<T>, List<T>> make)
    {
        if (!_shared)
        {
            if (!_classes.TryGetValue(values, out var mine))
            {
                _classes[values] = mine = make(values);
            }

            return (List<T>)mine;
        }

        lock (_classes)
        {
            if (_classes.TryGetValue(values, out var known))
            {
                return (List<T>)known;
            }
        }

        var classes = make(values);
        lock (_classes)
        {
            _classes.TryAdd(values, classes);
        }

        return classes;
    }

    private static List<string> RefCandidates(VictimProject victim, AtomSet atoms)
    {
        var names = new List<string> { victim.DefaultBranch, "keyless-feature" };
        names.AddRange(CandidateValues.For(atoms, GitLabClaimNames.Ref));
        foreach (var refPath in CandidateValues.For(atoms, GitLabClaimNames.RefPath))
        {
            foreach (var prefix in new[] { "refs/heads/", "refs/tags/" })
            {
                if (refPath.StartsWith(prefix, StringComparison.Ordinal) && refPath.Length > prefix.Length)
                {
                    names.Add(refPath[prefix.Length..]);
                }
            }
        }

        foreach (var rule in victim.ProtectedBranches.Concat(victim.ProtectedTags))
        {
            names.Add(rule.Pattern.Replace("*", "x", StringComparison.Ordinal));
            names.Add(rule.Pattern.Replace("*", string.Empty, StringComparison.Ordinal) + "-evil");
        }

        // A literal that is no valid ref ('release/') becomes one that starts the same way ('release/x').
        var fixedUp = names.Select(n => GitRefNames.IsValid(n) ? n : GitRefNames.IsValid(n + "x") ? n + "x" : n);
        return PersonaCapabilities.Distinct(fixedUp.Where(GitRefNames.IsValid));
    }

    /// <summary>In their own project a persona chooses <c>ci_id_token_sub_claim_components</c> (any list GitLab accepts).</summary>
    private static List<IReadOnlyList<string>> SubComponentChoices(VictimProject victim, AtomSet atoms)
    {
        var components = new List<IReadOnlyList<string>> { victim.Components };
        foreach (var atom in atoms.On(GitLabClaimNames.Subject))
        {
            if (SubPatterns.Components(atom.Literal) is { Count: > 0 } c && SubClaimRenderer.Validate(c) is null && !components.Any(x => x.SequenceEqual(c)))
            {
                components.Add(c);
            }
        }

        if (!components.Any(x => x.SequenceEqual(SubClaimRenderer.DefaultComponents)))
        {
            components.Add(SubClaimRenderer.DefaultComponents);
        }

        return components;
    }
}
