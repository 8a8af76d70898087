using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Trust.Claims;

namespace Keyless.Trust.RedTeam;

/// <summary>Reads string claims, recording a problem for a present claim of the wrong JSON type.</summary>
internal sealed class ClaimReader(JsonObject claims, List<string> problems)
{
    public string? this[string name] => Optional(name);

    public bool Has(string name) => claims.ContainsKey(name);

    public void Required(string name)
    {
        if (Optional(name) is null && !problems.Any(p => p.StartsWith(name + " ", StringComparison.Ordinal)))
        {
            problems.Add($"{name} is missing (GitLab always sends it)");
        }
    }

    public string? Optional(string name)
    {
        if (!claims.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }

        problems.Add($"{name} is a JSON {node.GetValueKind()}; GitLab sends a string");
        return null;
    }

    public bool IsInteger(string name) =>
        claims[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && (v.TryGetValue<int>(out _) || v.TryGetValue<long>(out _));

    public bool AudienceIsValid() => claims[GitLabClaimNames.Audience] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length > 0,
        JsonArray a => a.Count > 0 && a.All(e => e is JsonValue ev && ev.GetValueKind() == JsonValueKind.String && ev.GetValue<string>().Length > 0),
        _ => false,
    };
}
