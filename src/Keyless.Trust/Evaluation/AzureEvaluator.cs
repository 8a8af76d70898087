using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation.Azure;
using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation;

/// <summary>
/// Entra's client-credentials exchange with a federated jwt-bearer assertion, as a pure function of the loaded
/// trust: the client id picks the identity; then time; then the federated credentials by issuer, subject (or
/// flexible expression) and audience, each exact and case-sensitive, with the AADSTS code of the first
/// dimension no credential matches. Signatures are not checked here.
/// </summary>
public sealed class AzureEvaluator
{
    /// <summary>Entra's assertion clock skew; not documented for federated assertions, the platform's usual five minutes.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public const int MaxCredentialsPerIdentity = 20;

    /// <summary>A refusal without reasons, for exchanges run without <c>explain</c>.</summary>
    private static readonly EntraExchangeResult Refused = new(null, null, null, []);

    private readonly CompiledTrust _compiled;
    private readonly TimeProvider _time;

    public AzureEvaluator(TrustSet trust, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(time);
        _compiled = CompiledTrust.For(trust);
        _time = time;
    }

    public EntraExchangeResult Exchange(string tenant, string clientId, TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var identity = _compiled.Trust.AzureIdentities.FirstOrDefault(i =>
            string.Equals(i.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
            && (i.TenantId is null || !Guid.TryParse(tenant, out _) || string.Equals(i.TenantId, tenant, StringComparison.OrdinalIgnoreCase)));
        if (identity is null)
        {
            var (code, error) = AadstsErrors.UnknownClient(clientId, tenant);
            return new(null, code, error, [$"{error.Error}: {error.Description}",
                $"No application or managed identity with client id '{clientId}'{(Guid.TryParse(tenant, out _) ? $" in tenant {tenant}" : string.Empty)} is in the trust inputs."])
            { FailedCheck = TrustCheck.Identity };
        }

        return Exchange(identity, claims);
    }

    /// <summary>Exchange against an identity directly (explain and the red-team, which hold the identity).</summary>
    public EntraExchangeResult Exchange(AzureIdentity identity, TokenClaims claims) => Exchange(identity, claims, _time.GetUtcNow(), explain: true);

    /// <summary>
    /// Without <paramref name="explain"/>, the same checks and answer, but a refusal carries no reasons (the red-team's
    /// oracle, which asks for every candidate token and reads only whether a credential admits it).
    /// </summary>
    internal EntraExchangeResult Exchange(AzureIdentity identity, TokenClaims claims, DateTimeOffset now, bool explain)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(claims);
        if (!explain)
        {
            // The red-team's oracle asks for every candidate token: the same checks in the same order (time, then the
            // first credential with the token's issuer, subject and audience), with no words built for a refusal.
            return TimeFault(claims, now) == TimeProblem.None && Admitting(_compiled.Credentials(identity), claims) is { } admitted
                ? new EntraExchangeResult(identity, null, null, []) { Credential = admitted.Credential }
                : Refused;
        }

        var notes = new List<string>();
        if (identity.Credentials.Count > MaxCredentialsPerIdentity)
        {
            notes.Add($"{identity.DisplayName} has {identity.Credentials.Count} federated credentials; Entra keeps at most {MaxCredentialsPerIdentity}, so some of these cannot exist.");
        }

        var time = CheckTime(identity, claims, notes, now);
        if (time is not null)
        {
            return time;
        }

        var credentials = _compiled.Credentials(identity);
        var iss = claims.GetString(GitLabClaimNames.Issuer);
        var sub = claims.GetString(GitLabClaimNames.Subject);
        var unknown = credentials.Where(c => c.Credential.Unknown.Count > 0).ToArray();

        var byIssuer = credentials.Where(c => iss is not null && string.Equals(c.Credential.Issuer, iss, StringComparison.Ordinal)).ToArray();
        if (byIssuer.Length == 0)
        {
            if (unknown.Length > 0)
            {
                return Unknown(identity, TrustCheck.Issuer, unknown, notes);
            }

            var (code, error) = AadstsErrors.Issuer(iss);
            var near = credentials.Where(c => iss is not null && c.Credential.Issuer is { } ci && ci.TrimEnd('/') == iss.TrimEnd('/')).ToArray();
            var detail = near.Length > 0
                ? $"Claim iss is '{claims.Describe(GitLabClaimNames.Issuer)}'; credential '{near[0].Credential.Name}' has issuer '{near[0].Credential.Issuer}', which differs only by a trailing slash: Entra compares exactly."
                : $"Claim iss is '{claims.Describe(GitLabClaimNames.Issuer)}'; the credentials of {identity.DisplayName} trust {Issuers(credentials)}.";
            return Fail(identity, code, error, TrustCheck.Issuer, notes, detail);
        }

        var bySubject = byIssuer.Where(c => c.SubjectMatches(sub)).ToArray();
        if (bySubject.Length == 0)
        {
            if (unknown.Length > 0)
            {
                return Unknown(identity, TrustCheck.Subject, unknown, notes);
            }

            var caseOnly = byIssuer.FirstOrDefault(c => c.SubjectMatchesIgnoringCase(sub));
            var (code, error) = caseOnly is null ? AadstsErrors.Subject(sub) : AadstsErrors.SubjectCase(sub);
            var details = new List<string>
            {
                caseOnly is not null
                    ? $"Claim sub is '{claims.Describe(GitLabClaimNames.Subject)}'; credential '{caseOnly.Credential.Name}' has subject '{caseOnly.Credential.Subject}', equal only when ignoring case: Entra compares case-sensitively."
                    : $"Claim sub is '{claims.Describe(GitLabClaimNames.Subject)}'; no credential with issuer '{iss}' matches it.",
            };
            details.AddRange(byIssuer.Where(c => c != caseOnly).Select(c => SubjectMiss(c, sub)));
            return Fail(identity, code, error, TrustCheck.Subject, notes, [.. details]);
        }

        var audiences = claims.Audiences;
        var match = bySubject.FirstOrDefault(c => c.Credential.Audiences.Count > 0 && audiences.Contains(c.Credential.Audiences[0], StringComparer.Ordinal));
        if (match is null)
        {
            if (unknown.Length > 0)
            {
                return Unknown(identity, TrustCheck.Audience, unknown, notes);
            }

            var (code, error) = AadstsErrors.Audience(audiences.Count == 1 ? audiences[0] : string.Join(",", audiences));
            var expected = bySubject.Select(c => $"'{(c.Credential.Audiences.Count > 0 ? c.Credential.Audiences[0] : null)}' (credential '{c.Credential.Name}')");
            return Fail(identity, code, error, TrustCheck.Audience, notes,
                $"Claim aud is {(audiences.Count == 0 ? "absent" : string.Join(", ", audiences.Select(a => $"'{a}'")))}; the credentials matching issuer and subject expect {string.Join(" or ", expected)}.");
        }

        if (match.Credential.Audiences.Count > 1)
        {
            notes.Add($"Credential '{match.Credential.Name}' lists {match.Credential.Audiences.Count} audiences; Entra accepts exactly one, and only the first is used here.");
        }

        var how = match.Expression is { } expr ? $"matches claimsMatchingExpression `{expr.Source}`" : "equals its subject";
        return new EntraExchangeResult(identity, null, null,
            [$"Credential '{match.Credential.Name}' ({match.Credential.Source}) admits the token: issuer '{iss}', sub '{sub}' {how}, audience '{match.Credential.Audiences[0]}'.", .. notes])
        {
            Credential = match.Credential,
        };
    }

    private enum TimeProblem
    {
        None,
        NoExpiry,
        Expired,
        NotYetValid,
    }

    // Entra's assertion window, with its skew.
    private static TimeProblem TimeFault(TokenClaims claims, DateTimeOffset now)
    {
        var exp = claims.GetNumericDate(GitLabClaimNames.Expires);
        var nbf = claims.GetNumericDate(GitLabClaimNames.NotBefore);
        var skew = (long)ClockSkew.TotalSeconds;
        var seconds = now.ToUnixTimeSeconds();
        return claims.FromJwt && exp is null ? TimeProblem.NoExpiry
            : exp is { } e && seconds > e + skew ? TimeProblem.Expired
            : nbf is { } b && b > seconds + skew ? TimeProblem.NotYetValid
            : TimeProblem.None;
    }

    private static EntraExchangeResult? CheckTime(AzureIdentity identity, TokenClaims claims, List<string> notes, DateTimeOffset now)
    {
        var problem = TimeFault(claims, now);
        if (problem == TimeProblem.None)
        {
            return null;
        }

        var exp = claims.GetNumericDate(GitLabClaimNames.Expires);
        var nbf = claims.GetNumericDate(GitLabClaimNames.NotBefore);
        var seconds = now.ToUnixTimeSeconds();
        var detail = problem switch
        {
            // Entra's assertion window needs an expiry; a real token without a numeric exp never validates.
            TimeProblem.NoExpiry => $"Claim exp is {claims.Describe(GitLabClaimNames.Expires)}; a client assertion needs exp as a NumericDate (JSON number of seconds).",
            TimeProblem.Expired => $"Claim exp is {exp}, {seconds - exp} s before now; Entra allows about {(long)ClockSkew.TotalSeconds} s of skew.",
            _ => $"Claim nbf is {nbf}, {nbf - seconds} s in the future.",
        };
        var (code, error) = AadstsErrors.Time(now, nbf, exp);
        return Fail(identity, code, error, TrustCheck.Time, notes, detail);
    }

    // The first credential, in order, with the token's issuer, a subject that matches, and its audience (Entra's match).
    private static CompiledCredential? Admitting(CompiledCredential[] credentials, TokenClaims claims)
    {
        var iss = claims.GetString(GitLabClaimNames.Issuer);
        var sub = claims.GetString(GitLabClaimNames.Subject);
        var audiences = claims.Audiences;
        foreach (var c in credentials)
        {
            if (iss is not null && string.Equals(c.Credential.Issuer, iss, StringComparison.Ordinal) && c.SubjectMatches(sub)
                && c.Credential.Audiences.Count > 0 && audiences.Contains(c.Credential.Audiences[0], StringComparer.Ordinal))
            {
                return c;
            }
        }

        return null;
    }

    private static string SubjectMiss(CompiledCredential c, string? sub)
    {
        if (c.Expression is { Error: { } parseError })
        {
            return $"Credential '{c.Credential.Name}': claimsMatchingExpression `{c.Expression.Source}` is invalid ({parseError}); Entra would refuse it.";
        }

        if (c.Expression is { } expression)
        {
            var failing = expression.Clauses.First(cl => !cl.IsMatch(sub));
            return $"Credential '{c.Credential.Name}': clause `{failing.Source}` does not match '{sub}'.";
        }

        return $"Credential '{c.Credential.Name}' expects subject '{c.Credential.Subject}'.";
    }

    private static string Issuers(IEnumerable<CompiledCredential> credentials)
    {
        var issuers = credentials.Select(c => c.Credential.Issuer).OfType<string>().Distinct(StringComparer.Ordinal).Select(i => $"'{i}'").ToArray();
        return issuers.Length == 0 ? "no issuer at all (it has no federated credentials)" : string.Join(", ", issuers);
    }

    private static EntraExchangeResult Fail(AzureIdentity identity, int code, CloudError error, TrustCheck check, List<string> notes, params string[] details) =>
        new(identity, code, error, [$"{error.Error}: {error.Description}", .. details, .. notes]) { FailedCheck = check };

    private static EntraExchangeResult Unknown(AzureIdentity identity, TrustCheck check, CompiledCredential[] unknown, List<string> notes) =>
        new(identity, null, null,
            [.. unknown.Select(c => $"Credential '{c.Credential.Name}' ({c.Credential.Source}) has {string.Join(", ", c.Credential.Unknown)} not known until apply."), .. notes])
        { FailedCheck = check, Indeterminate = true };
}
