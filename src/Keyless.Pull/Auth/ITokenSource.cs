namespace Keyless.Pull.Auth;

/// <summary>
/// The bearer token for one API. <c>refresh</c> asks for a new one after the API answered 401 (an
/// expired or revoked credential); a source that cannot get another returns the same. Tokens are never logged.
/// </summary>
public interface ITokenSource
{
    /// <summary>What the credential is, for pull.json and errors (never the token): "Application Default Credentials".</summary>
    string Description { get; }

    Task<string> GetTokenAsync(bool refresh, CancellationToken cancellationToken);
}
