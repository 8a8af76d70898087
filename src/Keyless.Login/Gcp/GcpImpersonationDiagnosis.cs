using Keyless.Login.Diagnosis;
using Keyless.Trust.Evaluation;

namespace Keyless.Login.Gcp;

/// <summary>
/// Turns a <c>generateAccessToken</c> refusal (Google API errors: PERMISSION_DENIED, INVALID_ARGUMENT, …) into its
/// cause: which federated principal asked, which service account, and the binding that would let it.
/// </summary>
internal static class GcpImpersonationDiagnosis
{
    public static LoginFailure Explain(CloudError error, GcpLoginRequest request, GcpPrediction? prediction, string? principal)
    {
        var serviceAccount = request.ServiceAccount!;
        var causes = new List<string>();
        var fixes = new List<string>();
        var provider = request.Provider;
        principal ??= prediction?.Exchange?.Principal?.PrincipalIdentifier;

        switch (error.Error)
        {
            case "PERMISSION_DENIED":
                causes.Add($"STS accepted the token{(principal is null ? string.Empty : $" as {principal}")}, but that principal has no roles/iam.workloadIdentityUser on {serviceAccount}, or the service account does not exist in this project.");
                var member = principal is null
                    ? $"principalSet://iam.googleapis.com/{provider.PoolName}/attribute.project_id/PROJECT_ID"
                    : principal;
                fixes.Add($"gcloud iam service-accounts add-iam-policy-binding {serviceAccount} --role=roles/iam.workloadIdentityUser --member='{member}' (pin a project by id, never the whole pool).");
                fixes.Add("Bindings take a few minutes to apply; a binding made moments ago may not count yet.");
                break;
            case "INVALID_ARGUMENT" when error.Description.Contains("lifetime", StringComparison.OrdinalIgnoreCase):
                causes.Add($"The requested lifetime ({request.LifetimeSeconds ?? IamCredentialsClient.DefaultLifetimeSeconds} s) is not allowed for {serviceAccount}: above 3600 s needs the org policy constraints/iam.allowServiceAccountCredentialLifetimeExtension to list it.");
                fixes.Add("Use --lifetime 3600 or less, or have the organisation list the service account in that policy.");
                break;
            case "UNAUTHENTICATED":
                causes.Add("IAM Credentials did not accept the federated token STS issued: the pool is disabled or deleted, or --sts-url and --iamcredentials-url point at different services.");
                fixes.Add("Check the pool's state, and give both endpoints of the same cloud (or of the same emulator).");
                break;
            case "NOT_FOUND":
                causes.Add($"Service account {serviceAccount} does not exist.");
                fixes.Add("Check --service-account: the email of an existing service account (NAME@PROJECT_ID.iam.gserviceaccount.com).");
                break;
            default:
                causes.Add($"IAM Credentials' answer is not one keyless knows (service account {serviceAccount}).");
                break;
        }

        if (prediction?.Impersonation is { } impersonation)
        {
            if (impersonation.Allowed)
            {
                causes.Add("The trust inputs predicted the impersonation would be allowed; they may not match the cloud any more (re-export them).");
            }
            else
            {
                causes.AddRange(impersonation.Reasons.Where(r => !r.StartsWith(error.Error, StringComparison.Ordinal)).Select(r => "Trust inputs: " + r));
            }
        }

        return new LoginFailure($"IAM Credentials refused to impersonate {serviceAccount}", error.ToString(), causes, fixes);
    }
}
