using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Keyless.Trust.Diagnostics;

namespace Keyless.Pull.Auth;

/// <summary>
/// AWS credentials through the SDK's default chain (AWSSDK.Core's <c>DefaultAWSCredentialsIdentityResolver</c>): the
/// <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c> variables, web identity
/// (<c>AWS_ROLE_ARN</c> + <c>AWS_WEB_IDENTITY_TOKEN_FILE</c>, which the SDK exchanges through AWSSDK.SecurityToken), the
/// profile <c>AWS_PROFILE</c> names in the shared credentials and config files (such as the one
/// <c>keyless login aws --profile</c> writes), then container and instance metadata.
/// </summary>
public sealed class AwsSdkCredentials : IAwsCredentialSource
{
    // The chain finds the STS client for web identity and assumed-role profiles by reflection, which the native (AOT)
    // build trims away: registered by hand, as AWSSDK.Core's GlobalRuntimeDependencyRegistry documents, it is there in
    // both builds. Once per process.
    private static readonly Lazy<bool> StsRegistered = new(() =>
    {
        GlobalRuntimeDependencyRegistry.Instance.RegisterSecurityTokenServiceClient(
            context => new AmazonSecurityTokenServiceClient(context.SecurityTokenServiceClientContextData.Region));
        return true;
    });

    private AWSCredentials? _credentials;

    public string Description => "AWS SDK default credential chain (AWSSDK.Core)";

    public async Task<ImmutableCredentials> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        try
        {
            _ = StsRegistered.Value;
            if (_credentials is null || refresh)
            {
                _credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).ConfigureAwait(false);
            }

            return await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            // The chain's own words say which sources it tried and why each gave nothing; none of them is a key.
            throw new InputException("AWS credentials", e.Message);
        }
    }
}
