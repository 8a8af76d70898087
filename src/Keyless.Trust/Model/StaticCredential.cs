namespace Keyless.Trust.Model;

/// <summary>
/// A long-lived key that survives beside federation: a user-managed service-account key
/// (<c>google_service_account_key</c>) or an application client secret (<c>azuread_application_password</c>,
/// Graph <c>passwordCredentials</c>). Never holds the secret itself.
/// </summary>
public sealed record StaticCredential
{
    public required StaticCredentialKind Kind { get; init; }

    /// <summary>The service account (email, or <c>projects/P/serviceAccounts/EMAIL</c>) or the application
    /// (client id, object id, or <c>/applications/OBJECT-ID</c>) as the input names it.</summary>
    public required string Owner { get; init; }

    public string? KeyId { get; init; }

    public string? DisplayName { get; init; }

    public required SourceRef Source { get; init; }
}

public enum StaticCredentialKind
{
    GcpServiceAccountKey,
    AzureClientSecret,

    /// <summary>An IAM user's access key (<c>aws_iam_access_key</c>, <c>aws iam list-access-keys</c>).</summary>
    AwsAccessKey,
}
