namespace Keyless.Formats.Inputs.Terraform;

/// <summary>
/// Names Terraform's providers compute from a block's literals, so a reference to them resolves before apply: a
/// pool's or provider's <c>name</c>, a service account's <c>email</c>, <c>member</c> and <c>name</c>.
/// </summary>
internal static class TfDerivedNames
{
    /// <summary>The derived value of <paramref name="attribute"/>, reading the block's own attributes through <paramref name="literal"/>.</summary>
    public static string? Derive(string type, string attribute, Func<string, string?> literal)
    {
        var project = type is "google_iam_workload_identity_pool" or "google_iam_workload_identity_pool_provider" or "google_service_account"
            ? literal("project")
            : null;
        if (project is null)
        {
            return null;
        }

        return (type, attribute) switch
        {
            ("google_iam_workload_identity_pool", "name" or "id") when literal("workload_identity_pool_id") is { } pool =>
                $"projects/{project}/locations/global/workloadIdentityPools/{pool}",
            ("google_iam_workload_identity_pool_provider", "name" or "id")
                when literal("workload_identity_pool_id") is { } pool && literal("workload_identity_pool_provider_id") is { } provider =>
                $"projects/{project}/locations/global/workloadIdentityPools/{pool}/providers/{provider}",
            ("google_service_account", "email" or "member" or "name" or "id") when literal("account_id") is { } account =>
                attribute switch
                {
                    "email" => $"{account}@{project}.iam.gserviceaccount.com",
                    "member" => $"serviceAccount:{account}@{project}.iam.gserviceaccount.com",
                    _ => $"projects/{project}/serviceAccounts/{account}@{project}.iam.gserviceaccount.com",
                },
            _ => null,
        };
    }
}
