using Keyless.Login.Diagnosis;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Login.Gcp;

/// <summary>
/// Runs the trust engine (the same evaluator as <c>explain</c> and the emulator) on the token before the exchange:
/// what STS and IAM will say, why, and which identity the token would get instead.
/// </summary>
internal static class GcpTrustCheck
{
    public static GcpPrediction Predict(GcpLoginRequest request, TrustSet trust, TimeProvider time, List<LoginNote> notes)
    {
        var engine = TrustEvaluator.For(trust, time);
        var claims = request.Token.Claims;
        var admitting = TrustAdmission.Admitting(engine, claims, "gcp");

        var provider = engine.Gcp.FindProvider(request.Provider.StsAudience);
        if (provider is null)
        {
            var known = trust.Providers.Select(p => p.Name).Take(TrustAdmission.MaxListed).ToList();
            notes.Add(LoginNote.Info(known.Count == 0
                ? "the trust inputs hold no GCP provider, so they cannot predict this exchange."
                : $"the trust inputs do not hold provider {request.Provider.Name} (they hold {string.Join(", ", known)}), so they cannot predict this exchange."));
            return new GcpPrediction(null, null, null, admitting);
        }

        var exchange = engine.Gcp.Exchange(request.Provider.StsAudience, claims);
        ImpersonationResult? impersonation = null;
        if (!exchange.Succeeded)
        {
            notes.Add(exchange.Indeterminate
                ? LoginNote.Info("the trust inputs cannot tell whether STS accepts the token: " + string.Join(" ", exchange.Reasons))
                : LoginNote.Warning("the trust inputs predict STS refuses the token: " + string.Join(" ", exchange.Reasons)));
        }
        else if (request.ServiceAccount is { } serviceAccount)
        {
            impersonation = engine.Gcp.Impersonate(exchange.Principal!, serviceAccount);
            notes.Add(impersonation.Allowed
                ? LoginNote.Info($"the trust inputs predict success: {exchange.Principal!.PrincipalIdentifier} may impersonate {serviceAccount}{(impersonation.MatchedBinding is { } b ? $" ({b})" : string.Empty)}.")
                : impersonation.Indeterminate
                    ? LoginNote.Info($"the trust inputs cannot tell whether {serviceAccount} may be impersonated: " + string.Join(" ", impersonation.Reasons))
                    : LoginNote.Warning($"the trust inputs predict STS accepts the token as {exchange.Principal!.PrincipalIdentifier}, but IAM refuses to let it impersonate {serviceAccount}: " + string.Join(" ", impersonation.Reasons)));
        }
        else
        {
            notes.Add(LoginNote.Info($"the trust inputs predict STS accepts the token as {exchange.Principal!.PrincipalIdentifier}."));
        }

        var prediction = new GcpPrediction(provider, exchange, impersonation, admitting);
        if (prediction.Allows == false)
        {
            notes.Add(TrustAdmission.Elsewhere(admitting, request.ServiceAccount, "GCP"));
        }

        return prediction;
    }
}
