using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.GitLab;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Attacks every identity of a trust with every scenario: builds the attack paths once per identity, the
/// scenario's search space per path from the model of GitLab, and searches it with <see cref="TrustEvaluator"/> as
/// the oracle, so every witness is a token <c>keyless explain</c> allows; <see cref="RealizabilityCheck"/> then
/// confirms GitLab could mint it for that persona.
/// </summary>
public sealed class RedTeamEngine
{
    private readonly AttackPathBuilder _paths;
    // The caches are concurrent: an audit searches its identities on every core (AuditContext.SearchAll).
    private readonly ConcurrentDictionary<Identity, IReadOnlyList<AttackPath>> _cache = new();

    // Per path, by reference (records compare by value): every scenario searches the same candidates.
    private readonly ConcurrentDictionary<AttackPath, PathCandidates> _candidates = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _worldLock = new();
    private GitLabWorld? _world;
    private RealizabilityCheck? _check;

    /// <param name="trust">The trust to attack.</param>
    /// <param name="time">The clock for token lifetimes.</param>
    /// <param name="gitLab">The organisation's own GitLab (<c>--gitlab-url</c>), whose <c>iss</c> its legitimate jobs carry; null: the trusted issuer's.</param>
    public RedTeamEngine(TrustSet trust, TimeProvider? time = null, GitLabInstance? gitLab = null)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Trust = trust;
        GitLab = gitLab;
        Evaluator = TrustEvaluator.For(trust, time);
        _paths = new AttackPathBuilder(trust);
    }

    public TrustSet Trust { get; }

    public TrustEvaluator Evaluator { get; }

    public GitLabInstance? GitLab { get; }

    public IReadOnlyList<Identity> Identities => Evaluator.Identities;

    /// <summary>Who owns what, from the inputs and every path of every identity (built on first use).</summary>
    public GitLabWorld World
    {
        get
        {
            if (Volatile.Read(ref _world) is { } world)
            {
                return world;
            }

            // Built once under a lock: every search reads it, and a second build would cost as much as the first.
            lock (_worldLock)
            {
                if (_world is null)
                {
                    world = GitLabWorldBuilder.Build(Trust, Contributions());
                    _check = new RealizabilityCheck(world);
                    Volatile.Write(ref _world, world);
                }

                return _world;
            }
        }
    }

    public RealizabilityCheck Realizability
    {
        get
        {
            // Made with the world, so a thread that sees the world sees it too.
            _ = World;
            return _check!;
        }
    }

    public IReadOnlyList<AttackPath> Paths(Identity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return _cache.TryGetValue(identity, out var paths) ? paths : _cache.GetOrAdd(identity, _paths.For(identity));
    }

    /// <summary>
    /// What every identity's paths add to the model of GitLab, built on all cores (each identity's paths are independent
    /// of the others'). Paths already held are read; the others are built and let go at once: held until each
    /// identity's searches, the paths of an estate outlived several collections and were copied by each (an audit's
    /// searches build each identity's again, one at a time).
    /// </summary>
    private GitLabWorldBuilder.Contribution[] Contributions()
    {
        var identities = Identities;
        var contributions = new GitLabWorldBuilder.Contribution[identities.Count];
        Parallel.For(0, identities.Count, i => contributions[i] = GitLabWorldBuilder.Contribution.Of(
            _cache.TryGetValue(identities[i], out var known) ? known : _paths.For(identities[i])));
        return contributions;
    }

    /// <summary>
    /// Lets go of the candidates every path offered its searches, once the caller has run every search it will: they
    /// only save work between the scenarios of one path, and a later search builds its path's again.
    /// </summary>
    internal void ForgetCandidates() => _candidates.Clear();

    /// <summary>
    /// Lets go of an identity's attack paths once its searches and audits are done (the model of GitLab made of them
    /// stays); asking for them again builds them again, the same.
    /// </summary>
    internal void ForgetPaths(Identity identity) => _cache.TryRemove(identity, out _);

    /// <summary>Does the trust give <paramref name="identity"/> to a token with these claims? (Read, not copied.)</summary>
    public bool Admits(Identity identity, JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return Evaluator.Admits(identity, TokenClaims.Wrap(claims));
    }

    /// <summary>As above, for claims already wrapped (one wrapper checked against two trusts builds its CEL value once).</summary>
    internal bool Admits(Identity identity, TokenClaims claims) => Evaluator.Admits(identity, claims);

    /// <summary>The instance whose <c>iss</c> a scenario's tokens carry on a path.</summary>
    public GitLabInstance InstanceFor(AttackScenario scenario, AttackPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return scenario == AttackScenario.ProjectMaintainer && GitLab is not null ? GitLab : path.Instance;
    }

    /// <summary>Can GitLab mint these claims for the scenario's persona on this path?</summary>
    public Realizability CheckRealizable(JsonObject claims, AttackScenario scenario, AttackPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Realizability.Check(claims, scenario.PersonaOf(), path.Victim, InstanceFor(scenario, path));
    }

    /// <summary>Searches one scenario over every path of the identity; <paramref name="admits"/> defaults to the oracle.</summary>
    public SearchResult Search(Identity identity, AttackScenario scenario, Func<JsonObject, bool>? admits = null, IEnumerable<AttackPath>? extraPaths = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        // The oracle reads each candidate as built; a caller's own test gets it as JSON, as it always has.
        Func<ClaimTable, bool> test = admits is null ? Oracle(identity) : claims => admits(claims.ToJson());
        return Search(scenario, Paths(identity).Concat(extraPaths ?? []), test, SharedCandidates);
    }

    /// <summary>
    /// Searches every scenario against one identity, with the oracle. The candidates of its paths are made once for all
    /// the scenarios and let go when it returns: no other identity has these paths.
    /// </summary>
    public SearchResult[] SearchEvery(Identity identity, IReadOnlyList<AttackScenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(scenarios);
        var test = Oracle(identity);
        var paths = Paths(identity);
        var candidates = new Dictionary<AttackPath, PathCandidates>(ReferenceEqualityComparer.Instance);
        PathCandidates CandidatesOf(AttackPath path) => candidates.TryGetValue(path, out var known) ? known : candidates[path] = new PathCandidates(path, shared: false);
        var results = new SearchResult[scenarios.Count];
        for (var i = 0; i < scenarios.Count; i++)
        {
            results[i] = Search(scenarios[i], paths, test, CandidatesOf);
        }

        return results;
    }

    private Func<ClaimTable, bool> Oracle(Identity identity) => claims => Evaluator.Admits(identity, TokenClaims.Wrap(claims));

    private PathCandidates SharedCandidates(AttackPath path) =>
        _candidates.TryGetValue(path, out var candidates) ? candidates : _candidates.GetOrAdd(path, new PathCandidates(path));

    private SearchResult Search(AttackScenario scenario, IEnumerable<AttackPath> paths, Func<ClaimTable, bool> test, Func<AttackPath, PathCandidates> candidatesOf)
    {
        var tried = 0;
        var rejected = 0;
        var complete = true;
        var gaps = new List<string>();
        var assumptions = new List<string>();
        foreach (var path in paths)
        {
            var candidates = candidatesOf(path);
            var space = PersonaCapabilities.For(scenario, path, World, GitLab, candidates);
            var result = GuidedSearch.Run(path, space, test, claims => CheckRealizable(claims, scenario, path), candidates);
            tried += result.Tried;
            rejected += result.Rejected;
            complete &= result.Complete;
            foreach (var gap in result.Gaps)
            {
                gaps.Add($"{path.Label}: {gap}");
            }

            assumptions.AddRange(result.Assumptions);
            if (result.Found)
            {
                return result with { Tried = tried, Rejected = rejected, Gaps = Distinct(gaps), Assumptions = Distinct(assumptions) };
            }
        }

        return new SearchResult { Tried = tried, Rejected = rejected, Complete = complete, Gaps = Distinct(gaps), Assumptions = Distinct(assumptions) };
    }

    private static string[] Distinct(List<string> values) => values.Count == 0 ? [] : [.. values.Distinct()];
}
