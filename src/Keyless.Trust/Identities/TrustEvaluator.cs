using System.Runtime.CompilerServices;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Evaluation.Gcp;
using Keyless.Trust.Model;

namespace Keyless.Trust.Identities;

/// <summary>
/// Decides, per identity, whether a token gets it: the answer of <c>explain</c>, and the oracle the red-team
/// calls many thousands of times. Build once per TrustSet (<see cref="For"/>); every CEL expression and flexible
/// expression is compiled once and shared; <see cref="Decide(TokenClaims)"/> only evaluates.
/// </summary>
public sealed class TrustEvaluator
{
    private static readonly ConditionalWeakTable<TrustSet, TrustEvaluator> SystemClockCache = [];

    private readonly TimeProvider _time;

    private TrustEvaluator(TrustSet trust, TimeProvider time)
    {
        _time = time;
        Trust = trust;
        Gcp = new GcpEvaluator(trust, time);
        Azure = new AzureEvaluator(trust, time);
        Aws = new AwsEvaluator(trust, time);
        Identities = IdentityCatalog.Build(trust);
    }

    public TrustSet Trust { get; }

    public GcpEvaluator Gcp { get; }

    public AzureEvaluator Azure { get; }

    public AwsEvaluator Aws { get; }

    public IReadOnlyList<Identity> Identities { get; }

    /// <summary>The evaluator for a TrustSet; with the system clock it is cached against the instance.</summary>
    public static TrustEvaluator For(TrustSet trust, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(trust);
        return time is null || time == TimeProvider.System
            ? SystemClockCache.GetValue(trust, t => new TrustEvaluator(t, TimeProvider.System))
            : new TrustEvaluator(trust, time);
    }

    /// <summary>One decision per identity of <paramref name="trust"/>.</summary>
    public static IReadOnlyList<Decision> Decide(TrustSet trust, TokenClaims claims) => For(trust).Decide(claims);

    public IReadOnlyList<Decision> Decide(TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return Identities.Select(i => Decide(i, claims)).ToArray();
    }

    public Decision Decide(Identity identity, TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(claims);
        return identity.Kind switch
        {
            IdentityKind.AzureApplication or IdentityKind.AzureManagedIdentity => DecideAzure(identity, claims),
            IdentityKind.AwsRole => DecideAws(identity, claims),
            _ => DecideGcp(identity, claims),
        };
    }

    /// <summary>
    /// Whether <see cref="Decide(Identity, TokenClaims)"/> allows the token: the same stages in the same order, without
    /// the reasons for each refusal on the way. The red-team asks this for every candidate token.
    /// </summary>
    public bool Admits(Identity identity, TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(claims);
        // One clock reading for the whole decision (a reading costs more than refusing a provider on its audience).
        var now = _time.GetUtcNow();
        if (identity.Kind is IdentityKind.AzureApplication or IdentityKind.AzureManagedIdentity)
        {
            return Azure.Exchange(identity.Azure!, claims, now, explain: false).Succeeded;
        }

        if (identity.Kind == IdentityKind.AwsRole)
        {
            return Aws.AssumeRole(identity.Aws!, claims, now, explain: false).Succeeded;
        }

        foreach (var provider in identity.Providers)
        {
            if (Gcp.Exchange(provider, claims, now, explain: false).Principal is { } principal && Authorize(identity, principal, now).Allowed)
            {
                return true;
            }
        }

        return false;
    }

    private Decision DecideAzure(Identity identity, TokenClaims claims)
    {
        var result = Azure.Exchange(identity.Azure!, claims);
        if (result.Succeeded)
        {
            return new(identity, Verdict.Allow, result.Reasons, null);
        }

        var credential = identity.Azure!.Credentials.Count == 0 ? identity.Name : "federated credentials of " + identity.Name;
        var clause = new DecidingClause(result.FailedCheck ?? TrustCheck.Identity, credential, null, result.Error, identity.Source);
        return new(identity, result.Indeterminate ? Verdict.Indeterminate : Verdict.Deny, result.Reasons, clause);
    }

    private Decision DecideAws(Identity identity, TokenClaims claims)
    {
        var result = Aws.AssumeRole(identity.Aws!, claims);
        if (result.Succeeded)
        {
            return new(identity, Verdict.Allow, result.Reasons, null);
        }

        var element = result.FailedCheck is TrustCheck.Issuer or TrustCheck.Audience && result.Provider is { } provider
            ? $"IAM OIDC provider '{provider.Url}'"
            : "trust policy of " + identity.Name;
        var clause = new DecidingClause(result.FailedCheck ?? TrustCheck.Condition, element, null, result.Error, result.Provider?.Source ?? identity.Source);
        return new(identity, result.Indeterminate ? Verdict.Indeterminate : Verdict.Deny, result.Reasons, clause);
    }

    private Decision DecideGcp(Identity identity, TokenClaims claims)
    {
        if (identity.Providers.Count == 0)
        {
            var pools = identity.Bindings.Select(b => b.Member is null ? null : GcpMember.Parse(b.Member).PoolName).OfType<string>().Distinct();
            return new(identity, Verdict.Indeterminate,
                [$"No provider of pool {string.Join(", ", pools)} is in the inputs, so no exchange can be evaluated for {identity.Name}."],
                new DecidingClause(TrustCheck.Request, identity.Name, null, null, identity.Source));
        }

        var attempts = new List<GcpAttempt>();
        foreach (var provider in identity.Providers)
        {
            var exchange = Gcp.Exchange(provider, claims);
            var attempt = exchange.Principal is { } principal
                ? new GcpAttempt(provider, exchange, Authorize(identity, principal, _time.GetUtcNow()))
                : new GcpAttempt(provider, exchange, null);
            if (attempt.Allowed)
            {
                return new(identity, Verdict.Allow, [.. exchange.Reasons, .. attempt.Binding!.Reasons], null);
            }

            attempts.Add(attempt);
        }

        var best = attempts.OrderByDescending(a => a.Progress).First();
        var others = attempts.Where(a => a != best)
            .Select(a => $"Via provider {a.Provider.Name}: {a.Summary}");
        var verdict = attempts.Any(a => a.Indeterminate) ? Verdict.Indeterminate : Verdict.Deny;
        return new(identity, verdict, [.. best.Reasons, .. others], best.Clause(identity));
    }

    private ImpersonationResult Authorize(Identity identity, FederatedPrincipal principal, DateTimeOffset now)
    {
        if (identity.Kind == IdentityKind.GcpServiceAccount)
        {
            return Gcp.Impersonate(principal, identity.Name, now);
        }

        // Direct resource access: the federated token itself carries the project roles of matching members.
        var reasons = new List<string>();
        var unknown = false;
        foreach (var binding in identity.Bindings)
        {
            if (binding.Member is null)
            {
                unknown = true;
                reasons.Add($"The member of {binding.Role} on {binding.Target} ({binding.Source}) is not known until apply.");
                continue;
            }

            var match = GcpBindingMatcher.Matches(binding, GcpMember.Parse(binding.Member), principal, Gcp.Compiled.Gcp, out var why);
            if (match == true && binding.ConditionExpression is null)
            {
                var roles = string.Join(", ", identity.Bindings.Select(b => b.Role).Distinct());
                return new(true, null, [$"{why}: the federated token carries {roles} on {binding.Target} directly ({binding.Source})."])
                {
                    MatchedBinding = binding.Member,
                };
            }

            unknown |= match is null || (match == true && binding.ConditionExpression is not null);
            reasons.Add(match == true ? $"{why}, but the binding has an IAM condition Keyless does not evaluate." : why + ".");
        }

        return new(false, unknown ? null : new CloudError(403, "PERMISSION_DENIED", "The caller does not have permission"), reasons)
        {
            Indeterminate = unknown,
        };
    }

    private sealed record GcpAttempt(GcpProvider Provider, StsExchangeResult Exchange, ImpersonationResult? Binding)
    {
        public bool Allowed => Binding is { Allowed: true };

        public bool Indeterminate => Exchange.Indeterminate || Binding is { Indeterminate: true };

        public int Progress => Binding is not null ? 100 : (int)(Exchange.FailedCheck ?? TrustCheck.Request);

        public IReadOnlyList<string> Reasons => Binding is null
            ? Exchange.Reasons
            : [$"STS exchange via {Provider.Name} succeeds: {Exchange.Reasons[0]}", .. Binding.Reasons];

        public string Summary => Reasons.Count > 0 ? Reasons[0] : "no answer";

        public DecidingClause Clause(Identity identity)
        {
            if (Binding is not null)
            {
                var members = string.Join(", ", identity.Bindings.Select(b => b.Member ?? "?"));
                return new DecidingClause(TrustCheck.Binding, identity.Name, members, Binding.Error, (identity.Bindings.Count > 0 ? identity.Bindings[0].Source : null));
            }

            var text = Exchange.FailedCheck switch
            {
                TrustCheck.Issuer => Provider.IssuerUri,
                TrustCheck.Audience => Provider.AllowedAudiences.Count == 0 ? "(default audience)" : string.Join(", ", Provider.AllowedAudiences),
                TrustCheck.Condition => Provider.AttributeCondition,
                TrustCheck.Mapping => string.Join(", ", Provider.AttributeMapping.Select(m => $"{m.Key}={m.Value}")),
                _ => null,
            };
            return new DecidingClause(Exchange.FailedCheck ?? TrustCheck.Request, "provider " + Provider.Name, text, Exchange.Error, Provider.Source);
        }
    }
}
