using Keyless.Trust.Identities;
using Keyless.Trust.Model;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>
/// What every audit reads: the trust, the red-team engine, and each scenario's search, run once and shared. The
/// searches of every identity run up front on all cores (<see cref="SearchAll"/>): each is a pure function of the
/// trust, the identity and the scenario, so the audits then read them in their own order and the report is the same
/// whatever the number of cores.
/// </summary>
public sealed class AuditContext
{
    private static readonly AttackScenario[] Scenarios = Enum.GetValues<AttackScenario>();

    private readonly Lock _lock = new();

    // Searches asked for outside SearchAll (an identity or path set the context did not list).
    private readonly Dictionary<(Identity, AttackScenario), SearchResult> _searches = [];
    private Dictionary<Identity, int>? _index;
    private SearchResult[][]? _all;
    private int _searched;

    public AuditContext(TrustSet trust, AuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Trust = trust;
        Options = options ?? AuditOptions.Default;
        Engine = new RedTeamEngine(trust, Options.Time, Options.GitLabUrl is { } url ? GitLab.GitLabInstance.ForUrl(url) : null);
    }

    // A view of one identity (SearchEach): it shares the engine of the context it came from, and reads the identity's
    // own searches from results.
    private AuditContext(AuditContext whole, Identity identity, SearchResult[] results)
    {
        Trust = whole.Trust;
        Options = whole.Options;
        Engine = whole.Engine;
        _whole = whole;
        _only = [identity];
        _results = results;
    }

    private readonly AuditContext? _whole;
    private readonly IReadOnlyList<Identity>? _only;
    private readonly SearchResult[]? _results;

    public TrustSet Trust { get; }

    public AuditOptions Options { get; }

    public RedTeamEngine Engine { get; }

    public IReadOnlyList<Identity> Identities => _only ?? Engine.Identities;

    /// <summary>
    /// What the search of an identity left out by <see cref="AuditOptions.Searches"/> reads as: nothing found, nothing
    /// tried, nothing missed, which no audit reports (the shard that owns the identity reports it).
    /// </summary>
    public static SearchResult NotSearched { get; } = new() { Tried = 0, Complete = true };

    /// <summary>How many identities <see cref="SearchAll"/> attacked (all, or those of <see cref="AuditOptions.Searches"/>).</summary>
    public int SearchedIdentities => Volatile.Read(ref _searched);

    /// <summary>
    /// Searches every scenario against every identity, spread over the cores; <paramref name="progress"/> is told
    /// (from any thread) how many identities are done out of how many. Later calls return at once.
    /// </summary>
    public void SearchAll(Action<int, int>? progress = null)
    {
        if (_whole is not null)
        {
            _whole.SearchAll(progress);
            return;
        }

        lock (_lock)
        {
            if (_all is not null)
            {
                return;
            }

            var identities = Identities;
            _ = Engine.World;
            var all = new SearchResult[identities.Count][];
            var skipped = Enumerable.Repeat(NotSearched, Scenarios.Length).ToArray();
            var filter = Options.Searches;
            var done = 0;
            Parallel.For(0, identities.Count, i =>
            {
                if (filter is not null && !filter(identities[i]))
                {
                    all[i] = skipped;
                    progress?.Invoke(Interlocked.Increment(ref done), identities.Count);
                    return;
                }

                all[i] = SearchOne(identities[i]);
                progress?.Invoke(Interlocked.Increment(ref done), identities.Count);
            });

            var index = new Dictionary<Identity, int>(identities.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < identities.Count; i++)
            {
                index.TryAdd(identities[i], i);
            }

            Engine.ForgetCandidates();
            _index = index;
            _all = all;
        }
    }

    /// <summary>
    /// Searches every identity (of <see cref="AuditOptions.Searches"/>) on all cores, as <see cref="SearchAll"/> does,
    /// but keeps none of the results: each identity's go to <paramref name="use"/>, on the thread that searched them,
    /// as a view of the context with that identity alone, and are let go when it returns, with the identity's attack
    /// paths (a later search of it builds them again). For <see cref="AuditRun"/>, which builds an identity's findings
    /// there, so the searches and paths of 11,000 identities are never all in memory.
    /// </summary>
    internal void SearchEach(Action<int, AuditContext> use, Action<int, int>? progress = null)
    {
        var identities = Identities;
        _ = Engine.World;
        var filter = Options.Searches;
        var done = 0;
        Parallel.For(0, identities.Count, i =>
        {
            if (filter is null || filter(identities[i]))
            {
                use(i, new AuditContext(this, identities[i], SearchOne(identities[i])));
            }

            Engine.ForgetPaths(identities[i]);

            progress?.Invoke(Interlocked.Increment(ref done), identities.Count);
        });
        Engine.ForgetCandidates();
    }

    private SearchResult[] SearchOne(Identity identity)
    {
        Interlocked.Increment(ref _searched);
        // Indexed by scenario: the enum's values are 0, 1, 2, … in order.
        return Engine.SearchEvery(identity, Scenarios);
    }

    public SearchResult Search(Identity identity, AttackScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (_whole is not null)
        {
            return _results is not null && ReferenceEquals(identity, _only![0]) && (int)scenario >= 0 && (int)scenario < Scenarios.Length
                ? _results[(int)scenario]
                : _whole.Search(identity, scenario);
        }

        SearchAll();
        if (_index!.TryGetValue(identity, out var i) && (int)scenario >= 0 && (int)scenario < Scenarios.Length)
        {
            return _all![i][(int)scenario];
        }

        if (Options.Searches is { } filter && !filter(identity))
        {
            return NotSearched;
        }

        lock (_lock)
        {
            if (!_searches.TryGetValue((identity, scenario), out var result))
            {
                result = Engine.Search(identity, scenario);
                _searches[(identity, scenario)] = result;
            }

            return result;
        }
    }
}
