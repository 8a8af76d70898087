using System.Text.Json.Nodes;

namespace Keyless.Formats.Inputs;

/// <summary>
/// One response of a list API: the IAM REST lists (<c>{"workloadIdentityPools": […], "nextPageToken": "…"}</c>,
/// <c>{"workloadIdentityPoolProviders": […]}</c>, <c>{"keys": […]}</c>) and the Graph and ARM lists
/// (<c>{"value": […], "@odata.nextLink" | "nextLink": "…"}</c>). A response with a next link is one page of a longer
/// list; what is on the other pages is only read if those pages are given too, and the loader says so.
/// </summary>
internal sealed record PagedList(string Member, JsonArray Items, string? NextLinkMember, bool NamesItsKind)
{
    // The IAM list responses have exactly their list member and, when more pages follow, nextPageToken.
    private static readonly string[] IamMembers = ["workloadIdentityPools", "workloadIdentityPoolProviders"];

    /// <summary>The list a response holds, or null when it is not a list response.</summary>
    public static PagedList? Of(JsonObject o)
    {
        foreach (var member in IamMembers)
        {
            if (o[member] is JsonArray items && o.All(p => p.Key == member || p.Key == "nextPageToken"))
            {
                return new PagedList(member, items, "nextPageToken", NamesItsKind: true);
            }
        }

        if (o.Count == 1 && o["keys"] is JsonArray keys)
        {
            // IAM keys.list; a JWKS has the same member, and its keys are refused as items.
            return new PagedList("keys", keys, null, NamesItsKind: false);
        }

        if (o["value"] is JsonArray value)
        {
            var context = o["@odata.context"] is JsonValue c && c.TryGetValue<string>(out var text) ? text : string.Empty;
            return new PagedList(
                "value",
                value,
                o.ContainsKey("@odata.nextLink") ? "@odata.nextLink" : o.ContainsKey("nextLink") ? "nextLink" : null,
                context.Contains("federatedIdentityCredentials", StringComparison.OrdinalIgnoreCase));
        }

        return null;
    }

    /// <summary>
    /// The note for a response that is one page of more (its next link is set), or null for the last or only page. The
    /// other pages are read when they are given as well; a response does not say which page it is, so the note says so.
    /// </summary>
    public string? NextPage(JsonInput input, JsonObject response)
    {
        if (NextLinkMember is null || input.Str(response, NextLinkMember, "$") is not { Length: > 0 })
        {
            return null;
        }

        return $"{input.File} ({JsonInput.Child("$", NextLinkMember)}): page 1 of more. The list continues in a page this response "
               + "links to; identities and credentials on other pages are read only if those pages are given too (give every page, "
               + "as az and gcloud do when they follow the link).";
    }
}
