namespace Keyless.Trust.Evaluation.Aws;

/// <summary>
/// STS's refusals of <c>AssumeRoleWithWebIdentity</c>, in its own words (docs/aws.md lists where each was read):
/// codes and HTTP statuses from botocore's sts-2011-06-15 model, messages as clients print them.
/// </summary>
public static class StsErrors
{
    public const string InvalidIdentityToken = "InvalidIdentityToken";
    public const string ExpiredToken = "ExpiredTokenException";
    public const string AccessDenied = "AccessDenied";

    public static CloudError NoProvider(string? iss) =>
        new(400, InvalidIdentityToken, $"No OpenIDConnect provider found in your account for {iss}");

    public static CloudError IncorrectAudience { get; } = new(400, InvalidIdentityToken, "Incorrect token audience");

    public static CloudError MissingClaim(string claim) => new(400, InvalidIdentityToken, $"Missing a required claim: {claim}");

    // STS cannot check a signature made with a key the issuer's JWKS does not publish: it says it found no key.
    public static CloudError VerificationKey { get; } = new(400, InvalidIdentityToken,
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements");

    public static CloudError Expired(long now, long exp) =>
        new(400, ExpiredToken, $"Token expired: current date/time {now} must be before the expiration date/time {exp}");

    public static CloudError NotAuthorized { get; } = new(403, AccessDenied, "Not authorized to perform sts:AssumeRoleWithWebIdentity");
}
