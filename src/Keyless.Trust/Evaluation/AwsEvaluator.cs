using System.Runtime.CompilerServices;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation.Aws;
using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation;

/// <summary>
/// STS <c>AssumeRoleWithWebIdentity</c> as a pure function of the loaded trust: the provider for the token's issuer
/// in the role's account, the token's audience among its client ids, its expiry, then the role's trust policy (an
/// explicit Deny wins, else some Allow must match principal, action and every condition). STS's order of the first
/// three checks is not documented; this order is Keyless's choice (docs/aws.md). Signatures are not checked here.
/// </summary>
public sealed class AwsEvaluator
{
    private static readonly ConditionalWeakTable<AwsRole, CompiledAwsStatement[]> Compiled = [];

    private readonly TrustSet _trust;
    private readonly TimeProvider _time;

    public AwsEvaluator(TrustSet trust, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(time);
        _trust = trust;
        _time = time;
    }

    /// <summary>The role a <c>RoleArn</c> names, if loaded (STS looks roles up by ARN; a role without a known ARN by name).</summary>
    public AwsRole? RoleFor(string roleArn) =>
        _trust.AwsRoles.FirstOrDefault(r => string.Equals(r.Arn, roleArn, StringComparison.Ordinal))
        ?? _trust.AwsRoles.FirstOrDefault(r => r.Arn is null && r.Name == AwsArn.RoleName(roleArn));

    public AwsAssumeRoleResult AssumeRole(AwsRole role, TokenClaims claims) => AssumeRole(role, claims, _time.GetUtcNow(), explain: true);

    /// <summary>Without <paramref name="explain"/> the same checks in the same order, with no words for a refusal (the red-team's oracle).</summary>
    public AwsAssumeRoleResult AssumeRole(AwsRole role, TokenClaims claims, DateTimeOffset now, bool explain)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(claims);
        var reasons = new List<string>();
        var iss = claims.GetString(GitLabClaimNames.Issuer);
        var url = iss is not null && iss.StartsWith("https://", StringComparison.Ordinal) ? AwsOidcProvider.NormalizeUrl(iss) : null;
        var provider = url is null ? null : _trust.AwsProviders.FirstOrDefault(p => p.Url == url
            && (p.AccountId is null || role.AccountId is null || p.AccountId == role.AccountId));
        var statements = Statements(role);

        if (provider is null)
        {
            // Without the provider in the inputs, a trust policy that names one for this issuer says the provider
            // exists: the policy still decides a refusal, but an admission also needs the audience Keyless cannot see.
            var named = url is not null && statements.Any(s => s.NamesProviderUrl(url));
            if (!named || _trust.AwsProviders.Any(p => p.Unknown.Count > 0))
            {
                var error = StsErrors.NoProvider(iss);
                return new(role, error, explain
                    ? [$"{error.Error}: {error.Description}", $"Claim iss is '{claims.Describe(GitLabClaimNames.Issuer)}'; the inputs hold {Providers()}."]
                    : [])
                { FailedCheck = TrustCheck.Issuer, Indeterminate = _trust.AwsProviders.Any(p => p.Unknown.Count > 0) };
            }

            reasons.Add($"No IAM OIDC provider for '{url}' is in the inputs, though {role.DisplayName} trusts one: its client ids (the audiences STS accepts) are not checked.");
            var policy = Policy(role, statements, null, url!, claims, explain);
            return policy.Succeeded
                ? policy with { Indeterminate = true, FailedCheck = TrustCheck.Audience, Reasons = [.. reasons, .. policy.Reasons] }
                : policy with { Reasons = [.. policy.Reasons, .. reasons] };
        }

        var audiences = claims.Audiences;
        if (audiences.Count == 0)
        {
            var error = StsErrors.MissingClaim("aud");
            return Fail(role, provider, error, TrustCheck.Audience, explain, "The token has no aud claim.");
        }

        if (provider.Unknown.Count == 0 && !audiences.Any(a => provider.ClientIds.Contains(a, StringComparer.Ordinal)))
        {
            return Fail(role, provider, StsErrors.IncorrectAudience, TrustCheck.Audience, explain,
                $"Claim aud is {string.Join(", ", audiences.Select(a => $"'{a}'"))}; provider '{provider.Url}' ({provider.Source}) accepts client ids {Quoted(provider.ClientIds)}.");
        }

        var exp = claims.GetNumericDate(GitLabClaimNames.Expires);
        var seconds = now.ToUnixTimeSeconds();
        if (exp is null && claims.FromJwt)
        {
            return Fail(role, provider, StsErrors.MissingClaim("exp"), TrustCheck.Time, explain, $"Claim exp is {claims.Describe(GitLabClaimNames.Expires)}.");
        }

        if (exp is { } e && seconds >= e)
        {
            return Fail(role, provider, StsErrors.Expired(seconds, e), TrustCheck.Time, explain, $"Claim exp is {e}, {seconds - e} s before now.");
        }

        var result = Policy(role, statements, provider, provider.Url, claims, explain);
        return provider.Unknown.Count > 0 && result.Succeeded
            ? result with { Indeterminate = true, Reasons = [.. result.Reasons, $"Provider '{provider.Url}' has {string.Join(", ", provider.Unknown)} not known until apply."] }
            : result;
    }

    /// <summary>The request context STS builds for a GitLab token: <c>URL:aud</c> and <c>URL:sub</c>, key names case-insensitive.</summary>
    public static Dictionary<string, string[]> RequestContext(string providerUrl, TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var context = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            [providerUrl + ":aud"] = [.. claims.Audiences],
        };
        if (claims.GetString(GitLabClaimNames.Subject) is { } sub)
        {
            context[providerUrl + ":sub"] = [sub];
        }

        return context;
    }

    private static CompiledAwsStatement[] Statements(AwsRole role) =>
        Compiled.GetValue(role, r => [.. r.Statements.Select(s => new CompiledAwsStatement(s))]);

    private static AwsAssumeRoleResult Policy(AwsRole role, CompiledAwsStatement[] statements, AwsOidcProvider? provider, string url, TokenClaims claims, bool explain)
    {
        if (role.Unknown.Count > 0 || role.PolicyError is not null)
        {
            var why = role.PolicyError is { } error
                ? $"The trust policy of {role.DisplayName} ({role.Source}) cannot be read: {error}."
                : $"The trust policy of {role.DisplayName} ({role.Source}) is not known until apply.";
            return new(role, role.PolicyError is null ? null : StsErrors.NotAuthorized, [why])
            {
                Provider = provider, FailedCheck = TrustCheck.Condition, Indeterminate = role.PolicyError is null,
            };
        }

        var context = RequestContext(url, claims);
        var notes = new List<string>();
        AwsPolicyStatement? allow = null;
        var unknown = false;
        foreach (var s in statements)
        {
            var applies = Applies(s, provider, url, role.AccountId, context, explain ? notes : null);
            if (applies is null)
            {
                unknown = true;
                continue;
            }

            if (applies == true && !s.Statement.IsAllow)
            {
                // An explicit Deny wins over every Allow.
                var denied = StsErrors.NotAuthorized;
                return new(role, denied, explain
                    ? [$"{denied.Error}: {denied.Description}", $"{s.Statement.Describe()} of {role.DisplayName} ({role.Source}) matches the token, and an explicit Deny wins.", .. notes]
                    : [])
                { Provider = provider, FailedCheck = TrustCheck.Condition };
            }

            if (applies == true && allow is null)
            {
                allow = s.Statement;
            }
        }

        if (unknown)
        {
            return new(role, null, explain ? [.. notes] : []) { Provider = provider, FailedCheck = TrustCheck.Condition, Indeterminate = true };
        }

        if (allow is null)
        {
            var denied = StsErrors.NotAuthorized;
            var none = statements.Length == 0 ? [$"The trust policy of {role.DisplayName} has no statement."] : notes;
            return new(role, denied, explain ? [$"{denied.Error}: {denied.Description}", .. none] : [])
            {
                Provider = provider, FailedCheck = TrustCheck.Condition,
            };
        }

        var conditions = allow.Conditions.Count == 0 ? "with no condition" : "with " + string.Join(" and ", allow.Conditions.Select(c => c.ToString()));
        return new(role, null, explain
            ? [$"{allow.Describe()} of {role.DisplayName} ({role.Source}) allows sts:AssumeRoleWithWebIdentity for provider '{url}' {conditions}: sub '{claims.GetString(GitLabClaimNames.Subject)}', aud {string.Join(", ", claims.Audiences.Select(a => $"'{a}'"))}.", ]
            : [])
        { Provider = provider, Statement = allow };
    }

    // True, false, or null when an element Keyless does not evaluate decides.
    private static bool? Applies(CompiledAwsStatement s, AwsOidcProvider? provider, string url, string? account, Dictionary<string, string[]> context, List<string>? notes)
    {
        var named = provider is null ? s.NamesProviderUrl(url) : s.NamesProvider(provider, account);
        if (s.Statement.Unmodelled.Count > 0)
        {
            notes?.Add($"{s.Statement.Describe()} uses {string.Join(", ", s.Statement.Unmodelled)}, which Keyless does not evaluate.");
            return null;
        }

        if (!named)
        {
            notes?.Add($"{s.Statement.Describe()} names principal {(s.Statement.Federated.Count == 0 ? "no federated provider" : Quoted(s.Statement.Federated))}, not the provider for '{url}'.");
            return false;
        }

        if (!s.CoversWebIdentity)
        {
            notes?.Add($"{s.Statement.Describe()} covers actions {Quoted(s.Statement.Actions)}, not sts:AssumeRoleWithWebIdentity.");
            return false;
        }

        foreach (var c in s.Conditions)
        {
            var holds = c.Evaluate(context);
            if (holds is null)
            {
                notes?.Add($"{s.Statement.Describe()}: condition operator '{c.Condition.Operator}' is not one Keyless evaluates.");
                return null;
            }

            if (holds == false)
            {
                notes?.Add($"{s.Statement.Describe()}: condition {c.Condition} does not hold: {Claim(c.Condition.Key, url, context)}.");
                return false;
            }
        }

        return true;
    }

    // Which claim a condition key reads, and its value, for the reason of a refusal.
    private static string Claim(string key, string url, Dictionary<string, string[]> context)
    {
        if (context.TryGetValue(key, out var values))
        {
            var claim = key[(key.LastIndexOf(':') + 1)..];
            return $"claim {claim} is {string.Join(", ", values.Select(v => $"'{v}'"))}";
        }

        var colon = key.LastIndexOf(':');
        return colon > 0 && !string.Equals(key[..colon], url, StringComparison.OrdinalIgnoreCase)
            ? $"key '{key}' is absent from the request (this token's keys start with '{url}:')"
            : $"key '{key}' is absent from the request (AWS exposes only {url}:aud and {url}:sub for a GitLab token)";
    }

    private static AwsAssumeRoleResult Fail(AwsRole role, AwsOidcProvider provider, CloudError error, TrustCheck check, bool explain, string detail) =>
        new(role, error, explain ? [$"{error.Error}: {error.Description}", detail] : []) { Provider = provider, FailedCheck = check };

    private string Providers()
    {
        var urls = _trust.AwsProviders.Select(p => $"'{p.Url}'").Distinct().ToArray();
        return urls.Length == 0 ? "no IAM OIDC provider" : "IAM OIDC providers " + string.Join(", ", urls);
    }

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
