using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation.Gcp;
using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation;

/// <summary>
/// GCP STS and IAM Credentials, as a pure function of the loaded trust. Checks run in the cloud's order:
/// issuer, audience, time, attribute mapping, attribute condition, provider/pool state; then, for
/// impersonation, the service account's IAM bindings matched per pool. Signatures are not checked here.
/// </summary>
public sealed class GcpEvaluator
{
    /// <summary>STS tolerates about a minute of clock skew (cloud-semantics A7).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>A federated token lives at most an hour, and never past the JWT's own exp.</summary>
    public static readonly TimeSpan MaxFederatedTokenLifetime = TimeSpan.FromHours(1);

    private readonly CompiledTrust _compiled;
    private readonly TimeProvider _time;

    public GcpEvaluator(TrustSet trust, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(time);
        _compiled = CompiledTrust.For(trust);
        _time = time;
    }

    public TrustSet Trust => _compiled.Trust;

    internal CompiledTrust Compiled => _compiled;

    /// <summary>The provider an STS <c>audience</c> parameter names, or null.</summary>
    public GcpProvider? FindProvider(string audienceParameter) =>
        GcpAudienceParameter.Parse(audienceParameter) is { } parsed ? FindProvider(parsed) : null;

    public StsExchangeResult Exchange(string audienceParameter, TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var parsed = GcpAudienceParameter.Parse(audienceParameter);
        if (parsed is null)
        {
            var error = GcpStsErrors.InvalidAudienceParameter();
            return Fail(error, TrustCheck.Request,
                $"The STS audience parameter '{audienceParameter}' is not //iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER.");
        }

        if (parsed.Project.Number is null)
        {
            return Fail(GcpStsErrors.InvalidTarget(), TrustCheck.Request,
                $"The STS audience names project '{parsed.Project.Id}' by id; STS needs the project number.");
        }

        var provider = FindProvider(parsed);
        if (provider is null)
        {
            return Fail(GcpStsErrors.InvalidTarget(), TrustCheck.Request,
                $"No provider '{parsed.ProviderId}' in pool '{parsed.PoolId}' of project {parsed.Project} is in the trust inputs.");
        }

        return new GcpExchange(_compiled, provider, claims, _time.GetUtcNow()).Run() with { Provider = provider };
    }

    /// <summary>Exchange against a provider object directly (explain and the red-team, which hold the provider).</summary>
    public StsExchangeResult Exchange(GcpProvider provider, TokenClaims claims) => Exchange(provider, claims, _time.GetUtcNow(), explain: true);

    /// <summary>Without <paramref name="explain"/>, the same answer with no reasons on a refusal (the red-team's oracle).</summary>
    internal StsExchangeResult Exchange(GcpProvider provider, TokenClaims claims, DateTimeOffset now, bool explain)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(claims);
        return !explain && GcpExchange.RefusesAtIssuerOrAudience(_compiled, provider, claims)
            ? GcpExchange.Refused
            : new GcpExchange(_compiled, provider, claims, now, explain).Run();
    }

    public ImpersonationResult Impersonate(FederatedPrincipal principal, string serviceAccountEmail)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(serviceAccountEmail);
        return GcpBindingMatcher.Impersonate(_compiled.Gcp, principal, serviceAccountEmail, _time.GetUtcNow());
    }

    internal ImpersonationResult Impersonate(FederatedPrincipal principal, string serviceAccountEmail, DateTimeOffset now) =>
        GcpBindingMatcher.Impersonate(_compiled.Gcp, principal, serviceAccountEmail, now);

    private GcpProvider? FindProvider(GcpAudienceParameter parsed)
    {
        var trust = _compiled.Trust;
        foreach (var provider in trust.Providers)
        {
            if (provider.PoolId != parsed.PoolId || provider.ProviderId != parsed.ProviderId)
            {
                continue;
            }

            var number = trust.ProjectNumberOf(provider.Project);

            // With no number known for the provider (a Terraform configuration names projects by id), the pool and
            // provider ids decide; GcpExchange notes the assumption.
            if (number is null || number == parsed.Project.Number)
            {
                return provider;
            }
        }

        return null;
    }

    private static StsExchangeResult Fail(CloudError error, TrustCheck check, params string[] details) =>
        new(null, error, [$"{error.Error}: {error.Description}", .. details]) { FailedCheck = check };
}
