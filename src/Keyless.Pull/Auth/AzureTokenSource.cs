using Azure.Core;
using Azure.Identity;
using Keyless.Trust.Diagnostics;

namespace Keyless.Pull.Auth;

/// <summary>
/// Entra tokens through Azure.Identity's <c>DefaultAzureCredential</c> (environment, workload identity, managed
/// identity, az CLI, …) for one tenant and one resource (Graph or ARM), at the authority the endpoints name.
/// </summary>
public sealed class AzureTokenSource : ITokenSource
{
    private readonly DefaultAzureCredential _credential;
    private readonly string _scope;

    public AzureTokenSource(string tenant, Uri resource, Uri authority)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { TenantId = tenant, AuthorityHost = authority });
        _scope = resource.GetLeftPart(UriPartial.Authority) + "/.default";
    }

    public string Description => $"Azure.Identity DefaultAzureCredential ({_scope})";

    public async Task<string> GetTokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        try
        {
            var token = await _credential.GetTokenAsync(new TokenRequestContext([_scope]), cancellationToken).ConfigureAwait(false);
            return token.Token;
        }
        catch (AuthenticationFailedException e)
        {
            throw new InputException("Azure credentials", "no Azure credential could get a token for " + _scope + ": " + e.Message);
        }
    }
}
