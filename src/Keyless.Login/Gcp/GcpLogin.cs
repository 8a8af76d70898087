using Keyless.Login.Diagnosis;
using Keyless.Login.Http;
using Keyless.Trust.Evaluation;

namespace Keyless.Login.Gcp;

/// <summary>
/// <c>keyless login gcp</c> without the terminal: check the token (and, given trust inputs, predict the answer),
/// exchange it at STS, impersonate the service account, and on a refusal say why in plain words.
/// </summary>
public sealed class GcpLogin
{
    private readonly StsClient _sts;
    private readonly IamCredentialsClient _iam;
    private readonly TimeProvider _time;

    public GcpLogin(LoginHttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        _sts = new StsClient(http, time);
        _iam = new IamCredentialsClient(http);
        _time = time;
    }

    public async Task<LoginResult> RunAsync(GcpLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notes = new List<LoginNote>();
        var stop = TokenChecks.Check(request.Token, _time.GetUtcNow(), GcpEvaluator.ClockSkew, Clouds.Gcp, notes);
        if (stop is not null)
        {
            return new LoginResult { Notes = notes, Failure = stop };
        }

        GcpPreflight.Check(request, notes);
        var prediction = request.Trust is { } trust ? GcpTrustCheck.Predict(request, trust, _time, notes) : null;
        if (!request.Exchange)
        {
            return new LoginResult { Notes = notes, Skipped = true };
        }

        var federated = await _sts.ExchangeAsync(request.StsUrl, request.Provider, request.Scopes, request.Token, cancellationToken).ConfigureAwait(false);
        if (!federated.Succeeded)
        {
            return new LoginResult
            {
                Notes = notes,
                Failure = federated.TransportError is { } why
                    ? TransportFailure.Explain("STS", "--sts-url", why)
                    : GcpStsDiagnosis.Explain(federated.Error!, request, prediction),
            };
        }

        if (request.ServiceAccount is not { } serviceAccount)
        {
            Disagreement(prediction?.Allows, notes);
            return new LoginResult { Notes = notes, AccessToken = federated.AccessToken, ExpiresAt = federated.ExpiresAt };
        }

        var access = await _iam.GenerateAccessTokenAsync(request.IamCredentialsUrl, serviceAccount, federated.AccessToken!, request.Scopes, request.LifetimeSeconds, cancellationToken).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            if (access.TransportError is { } why)
            {
                return new LoginResult { Notes = notes, IntermediateTokens = [federated.AccessToken!], Failure = TransportFailure.Explain("IAM Credentials", "--iamcredentials-url", why) };
            }

            var principal = access.Error!.Error == "PERMISSION_DENIED"
                ? await _sts.IntrospectPrincipalAsync(request.StsUrl, federated.AccessToken!, cancellationToken).ConfigureAwait(false)
                : null;
            return new LoginResult { Notes = notes, IntermediateTokens = [federated.AccessToken!], Failure = GcpImpersonationDiagnosis.Explain(access.Error!, request, prediction, principal) };
        }

        Disagreement(prediction?.Allows, notes);
        return new LoginResult { Notes = notes, IntermediateTokens = [federated.AccessToken!], AccessToken = access.AccessToken, ExpiresAt = access.ExpiresAt };
    }

    private static void Disagreement(bool? predicted, List<LoginNote> notes)
    {
        if (predicted == false)
        {
            notes.Add(LoginNote.Warning("the cloud accepted what the trust inputs predicted it would refuse: the inputs may not match the cloud any more (re-export them)."));
        }
    }
}
