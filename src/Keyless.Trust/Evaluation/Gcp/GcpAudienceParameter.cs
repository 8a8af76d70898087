using Keyless.Trust.Model;

namespace Keyless.Trust.Evaluation.Gcp;

/// <summary>The STS <c>audience</c> form field: <c>//iam.googleapis.com/projects/P/locations/L/workloadIdentityPools/POOL/providers/PROV</c>.</summary>
internal sealed record GcpAudienceParameter(GcpProjectRef Project, string Location, string PoolId, string ProviderId)
{
    private const string Prefix = "//iam.googleapis.com/";

    public static GcpAudienceParameter? Parse(string? audience)
    {
        if (audience is null || !audience.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = audience[Prefix.Length..].Split('/');
        if (parts.Length != 8 || parts[0] != "projects" || parts[2] != "locations"
            || parts[4] != "workloadIdentityPools" || parts[6] != "providers"
            || parts.Any(p => p.Length == 0))
        {
            return null;
        }

        return new(GcpProjectRef.Parse(parts[1]), parts[3], parts[5], parts[7]);
    }
}
