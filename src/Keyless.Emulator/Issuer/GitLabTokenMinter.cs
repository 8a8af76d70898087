using System.Text.Json.Nodes;
using Keyless.Emulator.Verification;
using Keyless.Trust.Claims;
using Keyless.Trust.Model;

namespace Keyless.Emulator.Issuer;

/// <summary>
/// Mints an <c>id_tokens</c> JWT as GitLab does (lib/gitlab/ci/jwt.rb, jwt_v2.rb): the custom claims first, then
/// <c>jti</c> (a UUID), <c>iss</c>, <c>iat</c> (now), <c>nbf</c> (now − 5 s), <c>exp</c> (now + the job timeout),
/// <c>sub</c> (rendered from the sub claim components, absent ones dropped) and <c>aud</c>; RS256 with a <c>kid</c>.
/// </summary>
public sealed class GitLabTokenMinter
{
    /// <summary>GitLab projects default to a 60-minute job timeout, and the token lives that long.</summary>
    public const int DefaultJobTimeoutSeconds = 3600;

    /// <summary>Jobs may run up to a month; GitLab caps the timeout there.</summary>
    public const int MaxJobTimeoutSeconds = 30 * 24 * 3600;

    /// <summary>GitLab's <c>NOT_BEFORE_TIME</c>.</summary>
    public const int NotBeforeSkewSeconds = 5;

    private static readonly string[] Reserved =
    [
        GitLabClaimNames.JwtId, GitLabClaimNames.Issuer, GitLabClaimNames.IssuedAt, GitLabClaimNames.NotBefore,
        GitLabClaimNames.Expires, GitLabClaimNames.Subject, GitLabClaimNames.Audience,
    ];

    private readonly SigningKey _key;
    private readonly IssuerPolicy _policy;
    private readonly TrustSet _trust;
    private readonly TimeProvider _time;

    public GitLabTokenMinter(SigningKey key, IssuerPolicy policy, TrustSet trust, TimeProvider time)
    {
        _key = key;
        _policy = policy;
        _trust = trust;
        _time = time;
    }

    public MintResult Mint(MintRequest request)
    {
        var given = request.Claims;
        if (!given.ContainsKey(GitLabClaimNames.Audience))
        {
            return MintResult.Refused("the claims have no aud; GitLab mints an id_token only for an aud declared in id_tokens:<NAME>:aud");
        }

        var issuer = Text(given, GitLabClaimNames.Issuer) ?? _policy.DefaultIssuer;
        if (issuer is null)
        {
            return MintResult.Refused(
                $"the claims have no iss and the trust names several issuers ({string.Join(", ", _policy.TrustIssuers)}); set iss in the claims or start the emulator with --issuer-url");
        }

        if (given.ContainsKey(GitLabClaimNames.Issuer) && Text(given, GitLabClaimNames.Issuer) is null)
        {
            return MintResult.Refused("iss must be a string");
        }

        if (!_policy.StandsInFor(issuer))
        {
            return MintResult.Refused(
                $"the emulator does not sign for issuer \"{issuer}\"; it stands in for: {string.Join(", ", _policy.StandIns)}");
        }

        var timeout = request.JobTimeoutSeconds ?? DefaultJobTimeoutSeconds;
        if (timeout is <= 0 or > MaxJobTimeoutSeconds)
        {
            return MintResult.Refused($"the job timeout must be between 1 and {MaxJobTimeoutSeconds} seconds, not {timeout}");
        }

        var components = request.SubClaimComponents ?? ProjectComponents(given) ?? SubClaimRenderer.DefaultComponents;
        if (!given.ContainsKey(GitLabClaimNames.Subject) && SubClaimRenderer.Validate(components) is { } invalid)
        {
            return MintResult.Refused(invalid);
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var iat = given[GitLabClaimNames.IssuedAt]?.DeepClone() ?? JsonValue.Create(now);
        var claims = new JsonObject();
        foreach (var (name, value) in given)
        {
            if (!Reserved.Contains(name, StringComparer.Ordinal))
            {
                claims[name] = value?.DeepClone();
            }
        }

        claims[GitLabClaimNames.JwtId] = given[GitLabClaimNames.JwtId]?.DeepClone() ?? Guid.NewGuid().ToString();
        claims[GitLabClaimNames.Issuer] = issuer;
        claims[GitLabClaimNames.IssuedAt] = iat;
        claims[GitLabClaimNames.NotBefore] = given[GitLabClaimNames.NotBefore]?.DeepClone() ?? JsonValue.Create(now - NotBeforeSkewSeconds);
        claims[GitLabClaimNames.Expires] = given[GitLabClaimNames.Expires]?.DeepClone() ?? JsonValue.Create(now + timeout);
        claims[GitLabClaimNames.Subject] = given[GitLabClaimNames.Subject]?.DeepClone() ?? SubClaimRenderer.Render(given, components);
        claims[GitLabClaimNames.Audience] = given[GitLabClaimNames.Audience]?.DeepClone();
        return new MintResult(CompactJwt.Sign(claims, _key), null);
    }

    // The loaded GitLab project whose id or path the claims carry decides the sub shape, as it does on GitLab.
    private IReadOnlyList<string>? ProjectComponents(JsonObject claims)
    {
        var id = Text(claims, GitLabClaimNames.ProjectId);
        var path = Text(claims, GitLabClaimNames.ProjectPath);
        return _trust.GitLabProjects
            .FirstOrDefault(p => p.SubClaimComponents is not null
                && ((id is not null && p.Id == id) || (path is not null && p.Path == path)))
            ?.SubClaimComponents;
    }

    private static string? Text(JsonObject claims, string name) =>
        claims[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
