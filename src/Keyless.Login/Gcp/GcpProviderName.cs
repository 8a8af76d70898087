using Keyless.Trust.Diagnostics;

namespace Keyless.Login.Gcp;

/// <summary>
/// A workload identity pool provider as <c>--provider</c> names it: the STS audience
/// <c>//iam.googleapis.com/projects/NUM/locations/global/workloadIdentityPools/POOL/providers/PROV</c>, or the
/// resource name gcloud and Terraform print (<c>projects/NUM/…</c>). STS needs the project number.
/// </summary>
public sealed record GcpProviderName(string ProjectNumber, string Location, string PoolId, string ProviderId)
{
    private const string Service = "//iam.googleapis.com/";
    private const string HttpsService = "https://iam.googleapis.com/";
    private const string Shape = "//iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER";

    /// <summary><c>projects/NUM/locations/global/workloadIdentityPools/POOL/providers/PROV</c>.</summary>
    public string Name => $"projects/{ProjectNumber}/locations/{Location}/workloadIdentityPools/{PoolId}/providers/{ProviderId}";

    /// <summary>The STS <c>audience</c> form field, and the provider's default JWT audience.</summary>
    public string StsAudience => Service + Name;

    /// <summary>The two JWT audiences a provider accepts when its <c>allowedAudiences</c> is empty.</summary>
    public IReadOnlyList<string> DefaultAudiences => [StsAudience, HttpsService + Name];

    /// <summary>The pool's resource name, which principals are scoped to.</summary>
    public string PoolName => $"projects/{ProjectNumber}/locations/{Location}/workloadIdentityPools/{PoolId}";

    /// <summary>True when <paramref name="audience"/> looks like some provider's name (either form).</summary>
    public static bool LooksLikeProviderAudience(string audience) =>
        audience.StartsWith(Service, StringComparison.Ordinal) || audience.StartsWith(HttpsService, StringComparison.Ordinal);

    public static GcpProviderName Parse(string value, string option = "--provider")
    {
        ArgumentNullException.ThrowIfNull(value);
        var rest = value.Trim();
        foreach (var prefix in new[] { Service, HttpsService })
        {
            if (rest.StartsWith(prefix, StringComparison.Ordinal))
            {
                rest = rest[prefix.Length..];
                break;
            }
        }

        var parts = rest.Split('/');
        if (parts.Length != 8 || parts[0] != "projects" || parts[2] != "locations" || parts[4] != "workloadIdentityPools"
            || parts[6] != "providers" || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)))
        {
            throw new InputException(option, $"'{value}' is not a provider name; expected {Shape}");
        }

        if (!parts[1].All(char.IsAsciiDigit))
        {
            throw new InputException(option,
                $"'{parts[1]}' is a project id; STS needs the project number (gcloud projects describe {parts[1]} --format='value(projectNumber)') and answers invalid_target otherwise");
        }

        return new GcpProviderName(parts[1], parts[3], parts[5], parts[7]);
    }

    public override string ToString() => Name;
}
