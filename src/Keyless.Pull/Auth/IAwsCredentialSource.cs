using Amazon.Runtime;

namespace Keyless.Pull.Auth;

/// <summary>
/// The access key an AWS read signs with (SigV4): AWS takes no bearer token. <c>refresh</c> asks for a new one after IAM
/// said the credential expired. Keys are never logged.
/// </summary>
public interface IAwsCredentialSource
{
    /// <summary>What the credential is, for pull.json and errors (never a key).</summary>
    string Description { get; }

    Task<ImmutableCredentials> GetAsync(bool refresh, CancellationToken cancellationToken);
}
