using Keyless.Login.Diagnosis;
using Keyless.Trust.Claims;

namespace Keyless.Login.Azure;

/// <summary>
/// What can be said before asking Entra, with no trust inputs: the token shapes Entra is known to refuse whatever
/// the federated credentials say.
/// </summary>
internal static class AzurePreflight
{
    private static readonly string[] EntraIssuerHosts = ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"];

    public static void Check(AzureLoginRequest request, List<LoginNote> notes)
    {
        var claims = request.Token.Claims;
        if (claims.Audiences.Count > 1)
        {
            notes.Add(LoginNote.Warning($"the token has {claims.Audiences.Count} audiences ({TokenChecks.Audiences(claims)}); a federated credential holds exactly one, and Entra's handling of several is not documented. Give this job's id_token a single aud."));
        }

        if (claims.GetString(GitLabClaimNames.Issuer) is { } iss)
        {
            if (iss.Length != iss.Trim().Length)
            {
                notes.Add(LoginNote.Warning("the token's iss has leading or trailing whitespace; Entra blocks such tokens."));
            }

            if (Uri.TryCreate(iss, UriKind.Absolute, out var issuer) && EntraIssuerHosts.Any(h => issuer.Host.EndsWith(h, StringComparison.OrdinalIgnoreCase)))
            {
                notes.Add(LoginNote.Warning($"the token was issued by Entra itself ({iss}); Entra refuses its own tokens as federated assertions (AADSTS700222)."));
            }
        }
    }
}
