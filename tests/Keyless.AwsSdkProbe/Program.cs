using Amazon.Runtime;

// The SDK's own web-identity provider, configured only by the environment (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE,
// AWS_ROLE_SESSION_NAME, and the STS endpoint the SDK reads from AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL): what an
// application on a GitLab runner gets from the default credential chain. Prints the key id, or the SDK's error.
try
{
    var credentials = AssumeRoleWithWebIdentityCredentials.FromEnvironmentVariables();
    var immutable = await credentials.GetCredentialsAsync().ConfigureAwait(false);
    Console.WriteLine("KEY " + immutable.AccessKey);
    return 0;
}
catch (AmazonServiceException e)
{
    Console.WriteLine($"ERROR {e.ErrorCode}: {e.Message}");
    return 1;
}
catch (AmazonClientException e) when (e.InnerException is AmazonServiceException sts)
{
    // The provider wraps STS's refusal ("Error calling AssumeRole for role …"); the code and message are STS's.
    Console.WriteLine($"ERROR {sts.ErrorCode}: {sts.Message}");
    Console.Error.WriteLine(e.Message);
    return 1;
}
