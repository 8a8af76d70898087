namespace Keyless.Trust.Evaluation.Gcp;

/// <summary>The STS and IAM Credentials errors, verbatim where the cloud's text is known (cloud-semantics A2, A9).</summary>
internal static class GcpStsErrors
{
    public static CloudError InvalidAudienceParameter() => new(400, "invalid_request",
        "Invalid value for \"audience\". This value should be the full resource name of the Identity Provider. See https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token for the list of possible formats.");

    public static CloudError InvalidTarget() => new(400, "invalid_target",
        "The target service indicated by the \"audience\" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn't exist.");

    public static CloudError IssuerMismatch(string? iss, string expected) => new(400, "invalid_grant",
        $"The issuer in ID Token {iss ?? "null"} does not match the expected ones: {expected}");

    public static CloudError AudienceMismatch(IReadOnlyList<string> audiences) => new(400, "invalid_grant",
        $"The audience in ID Token [{string.Join(", ", audiences)}] does not match the expected audience.");

    public static CloudError Stale(long? issuedAt) => new(400, "invalid_grant",
        $"ID Token issued at {(issuedAt is { } iat ? iat.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")} is stale to sign-in.");

    public static CloudError SubjectTooLong() => new(400, "invalid_request",
        "The size of mapped attribute google.subject exceeds the 127 bytes limit. Either modify your attribute mapping or the incoming assertion to produce a mapped attribute that is less than 127 bytes.");

    public static CloudError NotString(string attribute) => new(400, "unauthorized_client",
        $"The mapped attribute '{attribute}' must be of type STRING.");

    public static CloudError MappingFailed(string attribute, string message) => new(400, "invalid_request",
        $"The attribute mapping for '{attribute}' could not be evaluated: {message}");

    public static CloudError ConditionRejected() => new(400, "unauthorized_client",
        "The given credential is rejected by the attribute condition.");

    public static CloudError PermissionDenied() => new(403, "PERMISSION_DENIED",
        "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).");

    public static CloudError Unauthenticated() => new(401, "UNAUTHENTICATED",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.");
}
