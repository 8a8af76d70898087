using Keyless.Login.Diagnosis;
using Keyless.Login.Http;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Model;

namespace Keyless.Login.Aws;

/// <summary>
/// <c>keyless login aws</c> without the terminal: check the token (and, given trust inputs, predict STS's answer with
/// <see cref="AwsEvaluator"/>), call <c>AssumeRoleWithWebIdentity</c>, and on a refusal say which condition and claim.
/// </summary>
public sealed class AwsLogin
{
    private readonly AwsStsClient _sts;
    private readonly TimeProvider _time;

    public AwsLogin(LoginHttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        _sts = new AwsStsClient(http);
        _time = time;
    }

    public async Task<(LoginResult Result, AwsSessionCredentials? Credentials)> RunAsync(AwsLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notes = new List<LoginNote>();

        // STS allows no skew that its documentation states; the token's own expiry is the limit.
        var stop = TokenChecks.Check(request.Token, _time.GetUtcNow(), TimeSpan.Zero, Clouds.Aws, notes);
        if (stop is not null)
        {
            return (new LoginResult { Notes = notes, Failure = stop }, null);
        }

        var prediction = Predict(request, notes);
        if (!request.Exchange)
        {
            return (new LoginResult { Notes = notes, Skipped = true }, null);
        }

        var answer = await _sts.AssumeAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.Credentials is not { } credentials)
        {
            var failure = answer.TransportError is { } why
                ? TransportFailure.Explain(Clouds.Aws, "--sts-url", why)
                : Explain(answer.Error!, request, prediction);
            return (new LoginResult { Notes = notes, Failure = failure }, null);
        }

        if (prediction is { Succeeded: false, Indeterminate: false })
        {
            notes.Add(LoginNote.Warning("STS accepted what the trust inputs predicted it would refuse: the inputs may not match the account any more (re-export them)."));
        }

        return (new LoginResult
        {
            Notes = notes,
            AccessToken = credentials.SessionToken,
            IntermediateTokens = [credentials.SecretAccessKey],
            ExpiresAt = credentials.Expiration,
        }, credentials);
    }

    private AwsAssumeRoleResult? Predict(AwsLoginRequest request, List<LoginNote> notes)
    {
        if (request.Trust is not { } trust)
        {
            return null;
        }

        var evaluator = new AwsEvaluator(trust, _time);
        if (evaluator.RoleFor(request.RoleArn) is not { } role)
        {
            notes.Add(LoginNote.Warning($"The trust inputs hold no role {request.RoleArn}; STS's answer cannot be predicted."));
            return null;
        }

        var result = evaluator.AssumeRole(role, request.Token.Claims);
        notes.Add(result.Succeeded
            ? LoginNote.Info($"The trust inputs predict STS accepts the token: {result.Reasons[0]}")
            : LoginNote.Warning($"The trust inputs predict STS refuses the token: {string.Join(" ", result.Reasons)}"));
        return result;
    }

    // STS names no condition in its refusal; the trust inputs, when given, say which one and which claim.
    private static LoginFailure Explain(CloudError error, AwsLoginRequest request, AwsAssumeRoleResult? prediction)
    {
        var claims = request.Token.Claims;
        var causes = new List<string>();
        var fixes = new List<string>();
        switch (error.Error)
        {
            case "InvalidIdentityToken" when error.Description.StartsWith("Incorrect token audience", StringComparison.Ordinal):
                causes.Add($"The token's aud is {TokenChecks.Audiences(claims)}; it is not in the client id list of the IAM OIDC provider for {claims.Describe("iss")}.");
                fixes.Add("Request the audience the provider lists in the job's id_tokens (aud:), or add it to the provider's client id list.");
                break;
            case "InvalidIdentityToken" when error.Description.StartsWith("No OpenIDConnect provider", StringComparison.Ordinal):
                causes.Add($"The role's account has no IAM OIDC provider for the token's iss {claims.Describe("iss")}.");
                fixes.Add("Create the provider (aws iam create-open-id-connect-provider --url ISSUER --client-id-list AUDIENCE), with the URL exactly as the token's iss.");
                break;
            case "ExpiredTokenException":
                causes.Add("The token expired before STS saw it.");
                fixes.Add("Exchange the token early in the job, or give the job a fresh one.");
                break;
            case "AccessDenied":
                causes.Add($"The trust policy of {request.RoleArn} does not allow this token (sub {claims.Describe("sub")}, aud {TokenChecks.Audiences(claims)}), or the role does not exist; STS does not say which condition failed.");
                fixes.Add("Compare the role's trust policy conditions on <provider>:sub and <provider>:aud with the token's sub and aud (keyless explain --trust … shows which one).");
                break;
            default:
                causes.Add($"STS refused with {error.Error}.");
                break;
        }

        if (prediction is { Succeeded: false } p)
        {
            causes.AddRange(p.Reasons.Skip(1));
        }

        return new LoginFailure($"AWS STS refused AssumeRoleWithWebIdentity for {request.RoleArn}", $"{error.Error}: {error.Description}", causes, fixes);
    }
}
