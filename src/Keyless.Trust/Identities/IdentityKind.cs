namespace Keyless.Trust.Identities;

public enum IdentityKind
{
    /// <summary>A GCP service account reached through roles/iam.workloadIdentityUser or serviceAccountTokenCreator.</summary>
    GcpServiceAccount,

    /// <summary>A GCP principal (or principal set) granted roles on a project directly.</summary>
    GcpPrincipal,

    /// <summary>An Entra application (app registration).</summary>
    AzureApplication,

    /// <summary>An Azure user-assigned managed identity.</summary>
    AzureManagedIdentity,

    /// <summary>An IAM role whose trust policy names a federated principal.</summary>
    AwsRole,
}
