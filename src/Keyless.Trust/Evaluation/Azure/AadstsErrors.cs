using System.Globalization;

namespace Keyless.Trust.Evaluation.Azure;

/// <summary>Entra's errors for a federated client assertion, verbatim (cloud-semantics B5).</summary>
internal static class AadstsErrors
{
    private const string Docs = "https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation";
    private const string LearnDocs = "https://learn.microsoft.com/entra/workload-id/workload-identity-federation";

    public static (int Code, CloudError Error) Issuer(string? iss) => (700211, new(400, "invalid_client",
        $"AADSTS700211: No matching federated identity record found for presented assertion issuer '{iss}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. {Docs}"));

    public static (int Code, CloudError Error) Subject(string? sub) => (700213, new(400, "invalid_client",
        $"AADSTS700213: No matching federated identity record found for presented assertion subject '{sub}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. {LearnDocs}"));

    public static (int Code, CloudError Error) SubjectCase(string? sub) => (7002138, new(400, "invalid_client",
        $"AADSTS7002138: No matching federated identity record found for presented assertion subject '{sub}'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. See documentation at: {LearnDocs}. See breaking change notification and remediation at: https://learn.microsoft.com/en-us/entra/identity-platform/reference-breaking-changes#august-2024."));

    public static (int Code, CloudError Error) Audience(string aud) => (700212, new(400, "invalid_client",
        $"AADSTS700212: No matching federated identity record found for presented assertion audience '{aud}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. {Docs}"));

    public static (int Code, CloudError Error) Time(DateTimeOffset now, long? nbf, long? exp) => (700024, new(400, "invalid_client",
        $"AADSTS700024: Client assertion is not within its valid time range. Current time: {Format(now)}, assertion valid from {Format(nbf)}, expiry time of assertion {Format(exp)}. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials ."));

    public static (int Code, CloudError Error) UnknownClient(string clientId, string tenant) => (700016, new(400, "unauthorized_client",
        $"AADSTS700016: Application with identifier '{clientId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."));

    private static string Format(long? seconds) => seconds is { } s ? Format(DateTimeOffset.FromUnixTimeSeconds(s)) : "null";

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
