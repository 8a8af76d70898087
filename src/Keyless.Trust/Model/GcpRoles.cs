namespace Keyless.Trust.Model;

/// <summary>Roles that matter for federation.</summary>
public static class GcpRoles
{
    public const string WorkloadIdentityUser = "roles/iam.workloadIdentityUser";
    public const string ServiceAccountTokenCreator = "roles/iam.serviceAccountTokenCreator";

    /// <summary>Roles carrying <c>iam.serviceAccounts.getAccessToken</c> on a service account.</summary>
    public static IReadOnlySet<string> Impersonation { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        WorkloadIdentityUser,
        ServiceAccountTokenCreator,
    };
}
