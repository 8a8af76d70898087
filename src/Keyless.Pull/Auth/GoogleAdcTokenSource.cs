using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Keyless.Trust.Diagnostics;

namespace Keyless.Pull.Auth;

/// <summary>
/// Application Default Credentials through Google.Apis.Auth: <c>GOOGLE_APPLICATION_CREDENTIALS</c> (a service account,
/// an authorized user or an <c>external_account</c> config such as <c>keyless login gcp</c> writes in a GitLab job),
/// else gcloud's <c>application_default_credentials.json</c>, else the metadata server. Scoped to
/// <c>cloud-platform.read-only</c>: a pull never writes.
/// </summary>
public sealed class GoogleAdcTokenSource : ITokenSource
{
    public const string Scope = "https://www.googleapis.com/auth/cloud-platform.read-only";

    private GoogleCredential? _credential;

    public string Description => "Application Default Credentials (Google.Apis.Auth)";

    public async Task<string> GetTokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (_credential is null || refresh)
        {
            try
            {
                _credential = (await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).ConfigureAwait(false)).CreateScoped(Scope);
            }
            catch (InvalidOperationException e)
            {
                // Google.Apis.Auth's way of saying no credential was found, or the one found is not valid.
                throw new InputException("Application Default Credentials", e.Message);
            }
        }

        try
        {
            return await ((ITokenAccess)_credential).GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (TokenResponseException e)
        {
            throw new InputException("Application Default Credentials", "the credential could not get an access token: " + e.Error?.Error + " " + e.Error?.ErrorDescription);
        }
    }
}
