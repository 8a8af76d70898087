namespace Keyless.Emulator.Gcp;

/// <summary>
/// The one Resource Manager v1 <c>projects.list</c> filter the emulator understands: <c>parent.type:T parent.id:ID</c>
/// (terms separated by spaces, in either order; the API's filter rules are case-insensitive), which is what
/// <c>keyless pull gcp --folder|--organization</c> sends. Any other filter is refused rather than answered wrongly.
/// </summary>
internal static class GcpProjectFilter
{
    /// <summary>The parent as <c>folders/ID</c> or <c>organizations/ID</c>, or null when the filter is anything else.</summary>
    public static string? Parent(string? filter)
    {
        string? type = null, id = null;
        foreach (var term in (filter ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = term.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? term : term[..colon].ToLowerInvariant();
            var value = colon < 0 ? string.Empty : term[(colon + 1)..];
            switch (key)
            {
                case "parent.type" when type is null:
                    type = value.ToLowerInvariant();
                    break;
                case "parent.id" when id is null:
                    id = value;
                    break;
                default:
                    return null;
            }
        }

        return type is "folder" or "organization" && id is { Length: > 0 } ? $"{type}s/{id}" : null;
    }
}
