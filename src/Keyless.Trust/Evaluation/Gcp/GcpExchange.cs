using System.Text;
using System.Text.Json.Nodes;
using Keyless.Cel;
using Keyless.Trust.Claims;
using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation.Gcp;

/// <summary>
/// One STS token exchange against one provider, stage by stage in the cloud's order. Without
/// <c>explain</c> (the red-team's oracle) the stages and the answer are the same, but a refusal carries no reasons:
/// the oracle only asks whether a principal comes out, hundreds of thousands of times.
/// </summary>
internal sealed class GcpExchange
{
    /// <summary>STS refuses a longer google.subject (invalid_request).</summary>
    internal const int MaxSubjectBytes = 127;

    /// <summary>A refusal without reasons, for exchanges run without <c>explain</c>.</summary>
    internal static readonly StsExchangeResult Refused = new(null, null, []);

    private static readonly StsExchangeResult Undecided = new(null, null, []) { Indeterminate = true };

    private readonly CompiledTrust _compiled;
    private readonly CompiledProvider _provider;
    private readonly GcpProvider _p;
    private readonly TokenClaims _claims;
    private readonly DateTimeOffset _now;
    private readonly bool _explain;
    // Made on the first note: without explain no note is written, and the oracle runs an exchange per provider per candidate.
    private List<string>? _notes;

    private List<string> Notes => _notes ??= [];

    private IEnumerable<string> NotesSoFar => _notes ?? [];

    public GcpExchange(CompiledTrust compiled, GcpProvider provider, TokenClaims claims, DateTimeOffset now, bool explain = true)
    {
        _compiled = compiled;
        _provider = compiled.Provider(provider);
        _p = provider;
        _claims = claims;
        _now = now;
        _explain = explain;
    }

    private string Where => $"provider {_p.Name}";

    public StsExchangeResult Run()
    {
        if (_p.Protocol != "oidc")
        {
            return Fail(GcpStsErrors.InvalidTarget(), TrustCheck.ProviderState,
                $"{Where} is a {_p.Protocol} provider; GitLab tokens need an OIDC provider.");
        }

        return CheckIssuer() ?? CheckAudience() ?? CheckTime() ?? MapAndCondition();
    }

    /// <summary>
    /// True when <see cref="Run"/> without explain refuses at the issuer or the audience: the first checks, and where
    /// the oracle's candidates for one provider meet every other provider of the identity. The oracle then makes no
    /// exchange; anything these checks leave undecided (an unknown issuer or audience) goes to <see cref="Run"/>.
    /// </summary>
    internal static bool RefusesAtIssuerOrAudience(CompiledTrust compiled, GcpProvider p, TokenClaims claims)
    {
        if (p.Protocol != "oidc" || p.Unknown.Contains("issuerUri") || p.IssuerUri is null)
        {
            return false;
        }

        if (!IssuerMatches(p, claims))
        {
            return true;
        }

        return !p.Unknown.Contains("allowedAudiences") && AcceptedAudience(compiled.Provider(p), p, claims.Audiences) is null;
    }

    // Spans, not trimmed copies: the oracle checks the issuer of every provider of an identity for every candidate.
    private static bool IssuerMatches(GcpProvider p, TokenClaims claims) =>
        claims.GetString(GitLabClaimNames.Issuer) is { } iss && iss.AsSpan().TrimEnd('/').SequenceEqual(p.IssuerUri.AsSpan().TrimEnd('/'));

    /// <summary>The audience the provider accepts, with whether it rests on an assumed project number; null when none.</summary>
    private static (string Audience, bool Assumed)? AcceptedAudience(CompiledProvider provider, GcpProvider p, IReadOnlyList<string> audiences)
    {
        var expected = provider.ExpectedAudiences;
        for (var i = 0; i < audiences.Count; i++)
        {
            if (Array.IndexOf(expected, audiences[i]) >= 0)
            {
                return (audiences[i], false);
            }
        }

        // A configuration or plan names the project by id; the token names it by number. Without a manifest
        // linking the two, a default audience that matches in every other segment is accepted, and said so.
        if (p.AllowedAudiences.Count == 0 && provider.ProjectNumberUnknown)
        {
            for (var i = 0; i < audiences.Count; i++)
            {
                if (IsSameProviderAnyProject(p, audiences[i]))
                {
                    return (audiences[i], true);
                }
            }
        }

        return null;
    }

    private StsExchangeResult? CheckIssuer()
    {
        if (_p.Unknown.Contains("issuerUri") || _p.IssuerUri is null)
        {
            return Unknown(TrustCheck.Issuer, $"The issuer of {Where} is not known until apply.");
        }

        if (IssuerMatches(_p, _claims))
        {
            return null;
        }

        var iss = _claims.GetString(GitLabClaimNames.Issuer);
        return !_explain ? Refused : Fail(GcpStsErrors.IssuerMismatch(iss, _p.IssuerUri), TrustCheck.Issuer,
            $"Claim iss is '{_claims.Describe(GitLabClaimNames.Issuer)}'; {Where} expects issuerUri '{_p.IssuerUri}' (GCP tolerates only a trailing-slash difference).");
    }

    private StsExchangeResult? CheckAudience()
    {
        if (_p.Unknown.Contains("allowedAudiences"))
        {
            return Unknown(TrustCheck.Audience, $"The allowed audiences of {Where} are not known until apply.");
        }

        var audiences = _claims.Audiences;
        var expected = _provider.ExpectedAudiences;
        if (AcceptedAudience(_provider, _p, audiences) is { } accepted)
        {
            if (accepted.Assumed && _explain)
            {
                Notes.Add($"The project number of {Where} is not known; assumed the audience '{accepted.Audience}' names it (a keyless manifest can give gcp.projectNumbers).");
            }

            return null;
        }

        if (!_explain)
        {
            return Refused;
        }

        var why = _p.AllowedAudiences.Count > 0
            ? $"{Where} allows only {Quote(expected)}; the default //iam.googleapis.com/… audience applies only when allowedAudiences is empty"
            : $"{Where} has no allowedAudiences, so aud must be its own resource name {Quote(expected)}";
        return Fail(GcpStsErrors.AudienceMismatch(audiences), TrustCheck.Audience,
            $"Claim aud is {(audiences.Count == 0 ? "absent" : Quote(audiences))}; {why}.");
    }

    private StsExchangeResult? CheckTime()
    {
        // A real token must carry iat and exp as numbers (STS calls it stale otherwise); a claims file written
        // by hand has no times, so there they are checked only when present.
        var iat = _claims.GetNumericDate(GitLabClaimNames.IssuedAt);
        var exp = _claims.GetNumericDate(GitLabClaimNames.Expires);
        var nbf = _claims.GetNumericDate(GitLabClaimNames.NotBefore);
        var now = _now.ToUnixTimeSeconds();
        var skew = (long)GcpEvaluator.ClockSkew.TotalSeconds;
        if (_claims.FromJwt && (iat is null || exp is null))
        {
            var missing = iat is null ? GitLabClaimNames.IssuedAt : GitLabClaimNames.Expires;
            return Fail(GcpStsErrors.Stale(iat), TrustCheck.Time,
                $"Claim {missing} is {_claims.Describe(missing)}; STS needs iat and exp as NumericDates (JSON numbers of seconds).");
        }

        if (exp is { } e && now > e + skew)
        {
            return Fail(GcpStsErrors.Stale(iat), TrustCheck.Time,
                $"Claim exp is {e} ({Iso(e)}), {now - e} s before now ({Iso(now)}); STS allows {skew} s of skew.");
        }

        if (iat is { } i && i > now + skew)
        {
            return Fail(GcpStsErrors.Stale(iat), TrustCheck.Time,
                $"Claim iat is {i} ({Iso(i)}), {i - now} s in the future; STS needs iat in the past (±{skew} s).");
        }

        if (nbf is { } b && b > now + skew)
        {
            return Fail(GcpStsErrors.Stale(iat), TrustCheck.Time,
                $"Claim nbf is {b} ({Iso(b)}), {b - now} s in the future.");
        }

        return null;
    }

    private StsExchangeResult MapAndCondition()
    {
        if (_p.Unknown.Contains("attributeMapping"))
        {
            return Unknown(TrustCheck.Mapping, $"The attribute mapping of {Where} is not known until apply.");
        }

        var assertion = _claims.Assertion;
        var activation = CelActivation.Empty.With("assertion", assertion);
        string? subject = null;
        var groups = new List<string>();
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var mapping in _provider.Mapping)
        {
            if (mapping.Program is null)
            {
                return Fail(GcpStsErrors.MappingFailed(mapping.Target, mapping.CompileError ?? "does not compile"), TrustCheck.Mapping,
                    $"The mapping {mapping.Target} = {mapping.Source} does not compile: {mapping.CompileError}. GCP would have refused to save it.");
            }

            var value = mapping.Program.Evaluate(activation);
            if (value.IsError)
            {
                return !_explain ? Refused : Fail(GcpStsErrors.MappingFailed(mapping.Target, value.ErrorMessage ?? "error"), TrustCheck.Mapping,
                    $"The mapping {mapping.Target} = {mapping.Source} fails on this token: {value.ErrorMessage}{ClaimsIn(AssertionReads.In(mapping.Program.Ast, presence: true))}. (STS rejects the token; its exact words for this case are not documented.)");
            }

            if (mapping.Target == "google.groups")
            {
                if (value.ToJson() is JsonArray list && list.All(g => g is JsonValue v && v.TryGetValue<string>(out _)))
                {
                    groups.AddRange(list.Select(g => g!.GetValue<string>()));
                    continue;
                }

                return !_explain ? Refused : Fail(GcpStsErrors.MappingFailed(mapping.Target, "google.groups must be a list of strings"), TrustCheck.Mapping,
                    $"The mapping google.groups = {mapping.Source} gives {value.ToJson()?.ToJsonString() ?? "null"}, not a list of strings.");
            }

            if (!value.TryGetString(out var text))
            {
                return !_explain ? Refused : Fail(GcpStsErrors.NotString(mapping.Target), TrustCheck.Mapping,
                    $"The mapping {mapping.Target} = {mapping.Source} gives {value.ToJson()?.ToJsonString() ?? "null"} (a {value.Type.ToString().ToLowerInvariant()}); wrap it in string(…).");
            }

            if (mapping.Target == "google.subject")
            {
                subject = text;
            }
            else if (mapping.Target.StartsWith("attribute.", StringComparison.Ordinal))
            {
                attributes[mapping.Target["attribute.".Length..]] = text;
            }
        }

        if (subject is null)
        {
            return Fail(GcpStsErrors.MappingFailed("google.subject", "no mapping for google.subject"), TrustCheck.Mapping,
                $"{Where} maps no google.subject; OIDC providers must map it.");
        }

        var bytes = Encoding.UTF8.GetByteCount(subject);
        if (bytes > MaxSubjectBytes)
        {
            return Fail(GcpStsErrors.SubjectTooLong(), TrustCheck.Mapping,
                $"google.subject = {_p.AttributeMapping["google.subject"]} gives '{subject}', {bytes} bytes; the limit is {MaxSubjectBytes} bytes. Map a shorter value, e.g. assertion.project_id + '::' + assertion.ref.");
        }

        return Condition(activation, subject, groups, attributes) ?? StateThenPrincipal(subject, groups, attributes);
    }

    private StsExchangeResult? Condition(CelActivation activation, string subject, List<string> groups, SortedDictionary<string, string> attributes)
    {
        if (_p.Unknown.Contains("attributeCondition"))
        {
            return Unknown(TrustCheck.Condition, $"The attribute condition of {Where} is not known until apply.");
        }

        if (_p.AttributeCondition is not { Length: > 0 } source)
        {
            return null;
        }

        if (_provider.Condition is null)
        {
            return Fail(GcpStsErrors.ConditionRejected(), TrustCheck.Condition,
                $"The attribute condition of {Where} does not compile: {_provider.ConditionError}. GCP would have refused to save it.");
        }

        // google and attribute are bound only for a condition that names them: most read only the assertion.
        var bound = activation;
        if (_provider.ConditionReadsGoogle)
        {
            bound = bound.With("google", CelValue.Map([
                new KeyValuePair<string, CelValue>("subject", CelValue.Of(subject)),
                new KeyValuePair<string, CelValue>("groups", CelValue.List(groups.Select(CelValue.Of))),
            ]));
        }

        if (_provider.ConditionReadsAttribute)
        {
            bound = bound.With("attribute", CelValue.Map(attributes.Select(a => new KeyValuePair<string, CelValue>(a.Key, CelValue.Of(a.Value)))));
        }
        if (!_explain)
        {
            // The same result as the trace's, without recording every clause.
            return _provider.Condition.Evaluate(bound).TryGetBool(out var allowed) && allowed ? null : Refused;
        }

        var trace = _provider.Condition.EvaluateTraced(bound);
        if (trace.Result.TryGetBool(out var ok) && ok)
        {
            return null;
        }

        var details = new List<string>();
        if (trace.Result.IsError)
        {
            details.Add($"The condition fails with an error on this token: {trace.Result.ErrorMessage}; STS rejects the token.");
        }
        else if (!trace.Result.TryGetBool(out _))
        {
            details.Add($"The condition gives {trace.Result.ToJson()?.ToJsonString() ?? "null"}, not a bool.");
        }

        foreach (var clause in trace.Clauses)
        {
            if (clause.Value.TryGetBool(out var b) && b)
            {
                continue;
            }

            var outcome = clause.Value.IsError ? "fails: " + clause.Value.ErrorMessage : "is false";
            details.Add($"Clause `{clause.Source}` {outcome}{ClaimsIn(AssertionReads.Within(_provider.Condition.Ast, clause.Offset, clause.Length, presence: true))}.");
        }

        if (details.Count == 0)
        {
            details.Add($"The condition `{source}` is false for this token{ClaimsIn(AssertionReads.In(_provider.Condition.Ast, presence: true))}.");
        }

        return Fail(GcpStsErrors.ConditionRejected(), TrustCheck.Condition, [.. details]);
    }

    private StsExchangeResult StateThenPrincipal(string subject, List<string> groups, SortedDictionary<string, string> attributes)
    {
        var pool = _provider.Pool;
        if (_p.Disabled || _p.State == ResourceState.Deleted)
        {
            return Fail(GcpStsErrors.InvalidTarget(), TrustCheck.ProviderState,
                $"{Where} is {(_p.Disabled ? "disabled" : "deleted")}; the token would otherwise be accepted.");
        }

        if (pool is not null && (pool.Disabled || pool.State == ResourceState.Deleted))
        {
            return Fail(GcpStsErrors.InvalidTarget(), TrustCheck.ProviderState,
                $"Pool {pool.Name} is {(pool.Disabled ? "disabled" : "deleted")}; the token would otherwise be accepted.");
        }

        if (pool is null && _explain)
        {
            Notes.Add($"Pool {_p.PoolName} is not in the inputs; assumed active.");
        }

        if (_p.Project.Number is null && _explain)
        {
            Notes.Add($"The project number of {Where} is not known; principals are matched by project id '{_p.Project.Id}'.");
        }

        var expiry = _now + GcpEvaluator.MaxFederatedTokenLifetime;
        // Never past the JWT's own exp (plus the skew STS granted it).
        if (_claims.GetNumericDate(GitLabClaimNames.Expires) is { } exp && DateTimeOffset.FromUnixTimeSeconds(exp) + GcpEvaluator.ClockSkew < expiry)
        {
            expiry = DateTimeOffset.FromUnixTimeSeconds(exp) + GcpEvaluator.ClockSkew;
        }

        var principal = new FederatedPrincipal(_provider.PrincipalPoolName, _provider.Name, subject, attributes, groups, expiry);
        return !_explain ? new StsExchangeResult(principal, null, []) : new StsExchangeResult(principal, null,
            [$"{Where} accepts the token as google.subject '{subject}'{(attributes.Count > 0 ? " with " + string.Join(", ", attributes.Select(a => $"attribute.{a.Key}='{a.Value}'")) : string.Empty)}.", .. NotesSoFar]);
    }

    /// <summary>An audience naming this pool and provider in some project by number (callers check
    /// <see cref="CompiledProvider.ProjectNumberUnknown"/> first).</summary>
    private static bool IsSameProviderAnyProject(GcpProvider p, string audience)
    {
        var parsed = GcpAudienceParameter.Parse(audience.StartsWith("https://", StringComparison.Ordinal) ? "//" + audience["https://".Length..] : audience);
        return parsed is { Project.Number: not null } && parsed.PoolId == p.PoolId && parsed.ProviderId == p.ProviderId;
    }

    /// <summary>" (assertion.project_id is '4243')" for the claims an expression (or a clause of it) reads.</summary>
    private string ClaimsIn(IReadOnlyList<string> names) => names.Count == 0
        ? string.Empty
        : " (" + string.Join(", ", names.Select(n => $"assertion.{n} is {Value(n)}")) + ")";

    private string Value(string claim) => _claims.Has(claim)
        ? (_claims.GetString(claim) is { } s ? $"'{s}'" : _claims.Describe(claim))
        : "absent";

    private static string Quote(IEnumerable<string> values) => string.Join(" or ", values.Select(v => $"'{v}'"));

    private static string Iso(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("u", System.Globalization.CultureInfo.InvariantCulture);

    private StsExchangeResult Fail(CloudError error, TrustCheck check, params string[] details) => !_explain
        ? Refused
        : new(null, error, [$"{error.Error}: {error.Description}", .. details, .. NotesSoFar]) { FailedCheck = check };

    private StsExchangeResult Unknown(TrustCheck check, string detail) => !_explain
        ? Undecided
        : new(null, null, [detail, .. NotesSoFar]) { FailedCheck = check, Indeterminate = true };
}
