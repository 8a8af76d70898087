namespace Keyless.Emulator.Verification;

/// <summary>
/// Which issuers the emulator's own key signs and verifies for. By default it stands in for every issuer the
/// loaded trust names, so a production trust loads unchanged; with an explicit issuer URL it stands in for that
/// one only, and tokens of the trust's other issuers are checked against those issuers' real keys.
/// Issuers are compared without one trailing slash (GCP tolerates the difference; the evaluators judge exactness).
/// </summary>
public sealed class IssuerPolicy
{
    private readonly HashSet<string> _standIns;
    private readonly HashSet<string> _named;

    public IssuerPolicy(IEnumerable<string> trustIssuers, string? issuerUrl)
    {
        var named = trustIssuers.Where(i => i.Length > 0).Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
        _named = new HashSet<string>(named, StringComparer.Ordinal);
        if (issuerUrl is { Length: > 0 })
        {
            DefaultIssuer = Normalize(issuerUrl);
            _standIns = new HashSet<string>([DefaultIssuer], StringComparer.Ordinal);
        }
        else if (named.Count == 0)
        {
            DefaultIssuer = FallbackIssuer;
            _standIns = new HashSet<string>([FallbackIssuer], StringComparer.Ordinal);
        }
        else
        {
            _standIns = new HashSet<string>(named, StringComparer.Ordinal);
            DefaultIssuer = named.Count == 1 ? named[0] : null;
        }

        StandIns = [.. _standIns.Order(StringComparer.Ordinal)];
        TrustIssuers = [.. named];
    }

    /// <summary>The issuer a trust that names none gets (the documentation's example instance).</summary>
    public const string FallbackIssuer = "https://gitlab.example.com";

    /// <summary>The <c>iss</c> a minted token gets when its claims have none; null when that is ambiguous.</summary>
    public string? DefaultIssuer { get; }

    public IReadOnlyList<string> StandIns { get; }

    public IReadOnlyList<string> TrustIssuers { get; }

    /// <summary>GitLab's <c>iss</c> never ends in a slash; trusts often do (GitLab's own GCP guide).</summary>
    public static string Normalize(string issuer) =>
        issuer.Length > 1 && issuer.EndsWith('/') ? issuer[..^1] : issuer;

    public bool StandsInFor(string issuer) => _standIns.Contains(Normalize(issuer));

    public bool IsNamedByTrust(string issuer) => _named.Contains(Normalize(issuer));
}
