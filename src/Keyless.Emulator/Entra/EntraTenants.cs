using Keyless.Trust.Model;

namespace Keyless.Emulator.Entra;

/// <summary>
/// Any tenant is accepted unless the trust names tenants; then a tenant GUID outside them is unknown (AADSTS90002).
/// Domain names and <c>organizations</c>-style aliases cannot be resolved locally and are accepted.
/// </summary>
public sealed class EntraTenants
{
    public EntraTenants(TrustSet trust)
    {
        Named = [.. trust.AzureIdentities.Select(i => i.TenantId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlyList<string> Named { get; }

    public bool Refuses(string tenant) =>
        Named.Count > 0 && Guid.TryParse(tenant, out _) && !Named.Contains(tenant, StringComparer.OrdinalIgnoreCase);
}
