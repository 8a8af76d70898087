using Keyless.Login.Diagnosis;
using Keyless.Login.Http;
using Keyless.Trust.Evaluation;

namespace Keyless.Login.Azure;

/// <summary>
/// <c>keyless login azure</c> without the terminal: check the token (and, given trust inputs, predict Entra's
/// answer), request an access token with it as a jwt-bearer client assertion, and on a refusal say why.
/// </summary>
public sealed class AzureLogin
{
    private readonly EntraClient _entra;
    private readonly TimeProvider _time;

    public AzureLogin(LoginHttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        _entra = new EntraClient(http, time);
        _time = time;
    }

    public async Task<LoginResult> RunAsync(AzureLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notes = new List<LoginNote>();
        var stop = TokenChecks.Check(request.Token, _time.GetUtcNow(), AzureEvaluator.ClockSkew, Clouds.Azure, notes);
        if (stop is not null)
        {
            return new LoginResult { Notes = notes, Failure = stop };
        }

        AzurePreflight.Check(request, notes);
        var prediction = request.Trust is { } trust ? AzureTrustCheck.Predict(request, trust, _time, notes) : null;
        if (!request.Exchange)
        {
            return new LoginResult { Notes = notes, Skipped = true };
        }

        var answer = await _entra.AcquireAsync(request.TokenUrl, request.ClientId, request.Scope, request.Token, cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            return new LoginResult
            {
                Notes = notes,
                Failure = answer.TransportError is { } why
                    ? TransportFailure.Explain("Entra ID", "--authority-host", why)
                    : AzureDiagnosis.Explain(answer.Error!, answer.AadstsCode, request, prediction),
            };
        }

        if (prediction?.Allows == false)
        {
            notes.Add(LoginNote.Warning("Entra accepted what the trust inputs predicted it would refuse: the inputs may not match the cloud any more (re-export them)."));
        }

        return new LoginResult { Notes = notes, AccessToken = answer.AccessToken, ExpiresAt = answer.ExpiresAt };
    }
}
