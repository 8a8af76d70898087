using Keyless.Login.Diagnosis;
using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Login.Azure;

/// <summary>
/// Runs the trust engine on the token before asking Entra: which federated credential would match, or which
/// dimension (issuer, subject, audience) none does, and which identity the token would get instead.
/// </summary>
internal static class AzureTrustCheck
{
    public static AzurePrediction Predict(AzureLoginRequest request, TrustSet trust, TimeProvider time, List<LoginNote> notes)
    {
        var engine = TrustEvaluator.For(trust, time);
        var claims = request.Token.Claims;
        var admitting = TrustAdmission.Admitting(engine, claims, "azure");

        var exchange = engine.Azure.Exchange(request.Tenant, request.ClientId, claims);
        var prediction = new AzurePrediction(exchange, admitting);
        if (exchange.Identity is null)
        {
            var known = trust.AzureIdentities.Select(i => i.DisplayName).Take(TrustAdmission.MaxListed).ToList();
            notes.Add(LoginNote.Info(known.Count == 0
                ? "the trust inputs hold no Azure application or managed identity, so they cannot predict this exchange."
                : $"the trust inputs hold no identity with client id {request.ClientId} (they hold {string.Join(", ", known)}), so they cannot predict this exchange."));
        }
        else if (exchange.Succeeded)
        {
            notes.Add(LoginNote.Info("the trust inputs predict success: " + exchange.Reasons[0]));
        }
        else
        {
            notes.Add(exchange.Indeterminate
                ? LoginNote.Info("the trust inputs cannot tell whether Entra accepts the token: " + string.Join(" ", exchange.Reasons))
                : LoginNote.Warning($"the trust inputs predict Entra refuses the token for {exchange.Identity.DisplayName}: " + string.Join(" ", exchange.Reasons)));
        }

        if (prediction.Allows != true && exchange.Identity is not null)
        {
            notes.Add(TrustAdmission.Elsewhere(admitting, exchange.Identity.DisplayName, "Azure"));
        }

        return prediction;
    }
}
