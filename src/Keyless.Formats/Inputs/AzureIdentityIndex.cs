using Keyless.Trust.Model;

namespace Keyless.Formats.Inputs;

/// <summary>
/// The Azure identities being linked, in input order, with each key (client id, object id, resource id, Terraform
/// address; case-insensitive, as the linker compares them) indexed to the positions that carry it. Finding an
/// identity's twin or a credential's parent was a scan of every identity for every identity and credential, which
/// grows with the square of an estate's size; now it looks at the few identities that share a key.
/// </summary>
internal sealed class AzureIdentityIndex
{
    private readonly List<AzureIdentity> _identities = [];
    private readonly Dictionary<string, List<int>>[] _byKey =
        [.. Enumerable.Range(0, 4).Select(_ => new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase))];

    public List<AzureIdentity> Identities => _identities;

    public void Add(AzureIdentity identity)
    {
        _identities.Add(identity);
        IndexKeys(_identities.Count - 1, identity);
    }

    /// <summary>Replaces the identity at <paramref name="position"/> with one that keeps its keys and may add some.</summary>
    public void Replace(int position, AzureIdentity identity)
    {
        _identities[position] = identity;
        IndexKeys(position, identity);
    }

    /// <summary>
    /// The first identity, in input order, that shares one of the keys and satisfies <paramref name="match"/>
    /// (which must only hold for identities sharing one of these keys); -1 when none.
    /// </summary>
    public int FindFirst(string? clientId, string? objectId, string? resourceId, string? terraformAddress, Func<AzureIdentity, bool> match)
    {
        var first = -1;
        ReadOnlySpan<string?> keys = [clientId, objectId, resourceId, terraformAddress];
        for (var k = 0; k < keys.Length; k++)
        {
            if (keys[k] is not { } key || !_byKey[k].TryGetValue(key, out var positions))
            {
                continue;
            }

            foreach (var position in positions)
            {
                if (first >= 0 && position >= first)
                {
                    break;
                }

                if (match(_identities[position]))
                {
                    first = position;
                    break;
                }
            }
        }

        return first;
    }

    private void IndexKeys(int position, AzureIdentity identity)
    {
        ReadOnlySpan<string?> keys = [identity.ClientId, identity.ObjectId, identity.ResourceId, identity.TerraformAddress];
        for (var k = 0; k < keys.Length; k++)
        {
            if (keys[k] is not { } key)
            {
                continue;
            }

            if (!_byKey[k].TryGetValue(key, out var positions))
            {
                _byKey[k][key] = positions = [];
            }

            // Positions stay ascending: a replaced identity's position is added only once per key.
            var at = positions.BinarySearch(position);
            if (at < 0)
            {
                positions.Insert(~at, position);
            }
        }
    }
}
