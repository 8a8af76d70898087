using System.Text.Json.Nodes;
using Keyless.Trust.Claims;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Trust.RedTeam;

/// <summary>
/// Attacks every identity of a trust with every scenario: builds the attack paths once per identity, the
/// scenario's search space per path, and searches it with <see cref="TrustEvaluator"/> as the oracle, so every
/// witness is a token <c>keyless explain</c> allows.
/// </summary>
public sealed class RedTeamEngine
{
    private readonly AttackPathBuilder _paths;
    private readonly Dictionary<Identity, IReadOnlyList<AttackPath>> _cache = [];

    public RedTeamEngine(TrustSet trust, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Trust = trust;
        Evaluator = TrustEvaluator.For(trust, time);
        _paths = new AttackPathBuilder(trust);
    }

    public TrustSet Trust { get; }

    public TrustEvaluator Evaluator { get; }

    public IReadOnlyList<Identity> Identities => Evaluator.Identities;

    public IReadOnlyList<AttackPath> Paths(Identity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!_cache.TryGetValue(identity, out var paths))
        {
            paths = _paths.For(identity);
            _cache[identity] = paths;
        }

        return paths;
    }

    /// <summary>Does the trust give <paramref name="identity"/> to a token with these claims? (Read, not copied.)</summary>
    public bool Admits(Identity identity, JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return Evaluator.Admits(identity, TokenClaims.Wrap(claims));
    }

    /// <summary>As above, for claims already wrapped (one wrapper checked against two trusts builds its CEL value once).</summary>
    internal bool Admits(Identity identity, TokenClaims claims) => Evaluator.Admits(identity, claims);

    /// <summary>Searches one scenario over every path of the identity; <paramref name="admits"/> defaults to the oracle.</summary>
    public SearchResult Search(Identity identity, AttackScenario scenario, Func<JsonObject, bool>? admits = null, IEnumerable<AttackPath>? extraPaths = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        admits ??= claims => Admits(identity, claims);
        var tried = 0;
        var complete = true;
        var gaps = new List<string>();
        var assumptions = new List<string>();
        foreach (var path in Paths(identity).Concat(extraPaths ?? []))
        {
            var space = PersonaCapabilities.For(scenario, path);
            var result = GuidedSearch.Run(path, space, admits);
            tried += result.Tried;
            complete &= result.Complete;
            gaps.AddRange(result.Gaps.Select(g => $"{path.Label}: {g}"));
            assumptions.AddRange(result.Assumptions);
            if (result.Found)
            {
                return result with { Tried = tried, Gaps = gaps.Distinct().ToArray(), Assumptions = assumptions.Distinct().ToArray() };
            }
        }

        return new SearchResult { Tried = tried, Complete = complete, Gaps = gaps.Distinct().ToArray(), Assumptions = assumptions.Distinct().ToArray() };
    }
}
