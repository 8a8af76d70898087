using Keyless.Trust.Identities;
using Keyless.Trust.Model;
using Keyless.Trust.RedTeam;

namespace Keyless.Trust.Audits;

/// <summary>What every audit reads: the trust, the red-team engine, and each scenario's search, run once and shared.</summary>
public sealed class AuditContext
{
    private readonly Dictionary<(Identity, AttackScenario), SearchResult> _searches = [];

    public AuditContext(TrustSet trust, AuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Trust = trust;
        Options = options ?? AuditOptions.Default;
        Engine = new RedTeamEngine(trust, Options.Time, Options.GitLabUrl is { } url ? GitLab.GitLabInstance.ForUrl(url) : null);
    }

    public TrustSet Trust { get; }

    public AuditOptions Options { get; }

    public RedTeamEngine Engine { get; }

    public IReadOnlyList<Identity> Identities => Engine.Identities;

    public SearchResult Search(Identity identity, AttackScenario scenario)
    {
        if (!_searches.TryGetValue((identity, scenario), out var result))
        {
            result = Engine.Search(identity, scenario);
            _searches[(identity, scenario)] = result;
        }

        return result;
    }
}
