using Keyless.Login.Diagnosis;
using Keyless.Trust.Claims;
using Keyless.Trust.Evaluation;
using Keyless.Trust.Model;

namespace Keyless.Login.Azure;

/// <summary>
/// Turns an Entra refusal into its cause, keyed on the AADSTS number (the <c>error</c> string is unstable,
/// cloud-semantics B5): which of iss, sub and aud no federated credential matches, the token's value, and the
/// credentials' values when the trust inputs hold them.
/// </summary>
internal static class AzureDiagnosis
{
    private const string Exactly = "Entra compares iss, sub and aud with each federated credential exactly and case-sensitively.";

    public static LoginFailure Explain(CloudError error, int? code, AzureLoginRequest request, AzurePrediction? prediction)
    {
        var claims = request.Token.Claims;
        var iss = claims.Describe(GitLabClaimNames.Issuer);
        var sub = claims.Describe(GitLabClaimNames.Subject);
        var aud = TokenChecks.Audiences(claims);
        var identity = prediction?.Exchange.Identity;
        var app = identity?.DisplayName ?? $"client id {request.ClientId}";
        var credentials = identity?.Credentials ?? [];
        var causes = new List<string>();
        var fixes = new List<string>();

        switch (code)
        {
            case 700211:
                causes.Add($"The token's iss is {iss}; no federated credential of {app} has that issuer. {Exactly}");
                if (identity is not null)
                {
                    causes.Add(credentials.Count == 0 ? $"{app} has no federated credentials at all." : $"Its credentials trust {Values(credentials, c => c.Issuer)}.");
                }

                fixes.Add($"Set the credential's issuer to exactly {iss} (GitLab.com: https://gitlab.com, with no trailing slash).");
                break;
            case 700213:
                causes.Add($"The token's sub is {sub}; no federated credential of {app} with issuer {iss} has that subject. {Exactly}");
                var sameIssuer = credentials.Where(c => c.Issuer == iss).ToList();
                if (sameIssuer.Count > 0)
                {
                    causes.Add($"Its credentials with that issuer expect {Values(sameIssuer, c => c.Subject ?? c.ClaimsMatchingExpression)}.");
                }

                fixes.Add($"Run the job from the project, branch, tag or environment a credential names, or add a federated credential with subject {sub}.");
                break;
            case 7002138:
                causes.Add($"The token's sub is {sub}; a federated credential of {app} has the same subject in another letter case, and Entra compares case-sensitively.");
                fixes.Add("Make the credential's subject match the token's sub exactly, letter case included (GitLab keeps the project path's case).");
                break;
            case 700212:
                causes.Add($"The token's aud is {aud}; the federated credential of {app} that matches its issuer and subject expects another audience. {Exactly}");
                var matching = credentials.Where(c => c.Issuer == iss && (c.Subject == sub || c.IsFlexible)).ToList();
                if (matching.Count > 0)
                {
                    causes.Add($"That credential expects {Values(matching, c => c.Audiences.Count > 0 ? c.Audiences[0] : null)}.");
                }

                fixes.Add("Set the job's id_tokens: <NAME>: aud: to the credential's audience (Entra recommends api://AzureADTokenExchange), or change the credential's audience to the token's aud.");
                break;
            case 70021:
                causes.Add($"No federated credential of {app} matches the token: iss {iss}, sub {sub}, aud {aud}. {Exactly}");
                fixes.Add("Compare the three with the credentials (az ad app federated-credential list --id CLIENT_ID); a credential created moments ago may need a minute to apply.");
                break;
            case 700024:
                causes.Add($"Entra considers the token outside its time window: nbf {claims.Describe(GitLabClaimNames.NotBefore)}, exp {claims.Describe(GitLabClaimNames.Expires)}"
                    + (claims.GetNumericDate(GitLabClaimNames.Expires) is { } exp ? $" ({TokenChecks.Utc(exp)})." : "."));
                fixes.Add("Exchange the token early in the job, or give the job a timeout that covers the work; check the runner's clock.");
                break;
            case 7000272:
                causes.Add($"The token's kid {request.Token.KeyId ?? "(none)"} is not among the keys {iss} publishes, as Entra last fetched them.");
                fixes.Add($"Check {iss}/oauth/discovery/keys; after a key rotation Entra may need time to refresh.");
                break;
            case 90061 or 50166 or 501661:
                causes.Add($"Entra could not fetch {iss}/.well-known/openid-configuration or the keys it names.");
                fixes.Add("The GitLab instance must serve /.well-known/openid-configuration and /oauth/discovery/keys to the internet; Entra has no way to upload keys.");
                break;
            case 700016:
                causes.Add($"Tenant {request.Tenant} has no application or managed identity with client id {request.ClientId}.");
                fixes.Add("Check --client-id (the application's client id, not its object id) and --tenant.");
                break;
            case 90002:
                causes.Add($"Tenant {request.Tenant} does not exist in this cloud.");
                fixes.Add("Check --tenant (the directory's tenant id), and --authority-host for sovereign clouds.");
                break;
            case 700222:
                causes.Add($"The token was issued by Entra ({iss}); Entra does not take its own tokens as federated assertions.");
                fixes.Add("Pass the GitLab job's id_token.");
                break;
            case 700027:
                causes.Add($"The token's signature does not verify with {iss}'s key {request.Token.KeyId ?? "(no kid)"}: the token was altered or signed by another key.");
                break;
            default:
                causes.Add($"Entra's answer is not one keyless knows. The token: iss {iss}, sub {sub}, aud {aud}.");
                break;
        }

        if (prediction?.Exchange is { } exchange && exchange.Identity is not null)
        {
            if (exchange.Succeeded)
            {
                causes.Add("The trust inputs predicted Entra would accept the token; they may not match the cloud any more (re-export them).");
            }
            else
            {
                causes.AddRange(exchange.Reasons.Skip(1).Select(r => "Trust inputs: " + r));
            }
        }

        return new LoginFailure($"Entra ID refused the token for {app}", $"{error.Error}: {OneLine(error.Description)}", causes, fixes);
    }

    private static string Values(IEnumerable<AzureFederatedCredential> credentials, Func<AzureFederatedCredential, string?> value) =>
        string.Join(", ", credentials.Select(c => $"'{value(c) ?? "(none)"}' (credential '{c.Name}')"));

    // Entra appends "Trace ID: … Correlation ID: … Timestamp: …"; keep them, on one line, for a support case.
    private static string OneLine(string description) =>
        description.ReplaceLineEndings(" ").Trim();
}
