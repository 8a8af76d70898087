using System.Globalization;
using System.Text.Json.Nodes;
using System.Web;

namespace Keyless.Pull.Sources;

/// <summary>
/// Where each API says its next page is: Google's <c>nextPageToken</c> (sent back as <c>pageToken</c>), Graph's
/// <c>@odata.nextLink</c>, ARM's <c>nextLink</c>, GitLab's <c>Link: rel="next"</c> (else <c>x-next-page</c>).
/// </summary>
internal static class NextPage
{
    public static Uri? Google(Uri current, JsonNode page, IReadOnlyDictionary<string, string> headers)
    {
        if (page["nextPageToken"] is not JsonValue v || !v.TryGetValue<string>(out var token) || token.Length == 0)
        {
            return null;
        }

        var query = HttpUtility.ParseQueryString(current.Query);
        query["pageToken"] = token;
        return new UriBuilder(current) { Query = query.ToString() }.Uri;
    }

    public static Uri? ODataLink(Uri current, JsonNode page, IReadOnlyDictionary<string, string> headers) => Link(current, page, "@odata.nextLink");

    public static Uri? ArmLink(Uri current, JsonNode page, IReadOnlyDictionary<string, string> headers) => Link(current, page, "nextLink");

    public static Uri? GitLab(Uri current, JsonNode page, IReadOnlyDictionary<string, string> headers)
    {
        if (headers.TryGetValue("Link", out var link) && Keyless.GitLab.Api.LinkHeader.Next([link]) is { } target)
        {
            return new Uri(current, target);
        }

        if (headers.TryGetValue("x-next-page", out var next) && int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var query = HttpUtility.ParseQueryString(current.Query);
            query["page"] = number.ToString(CultureInfo.InvariantCulture);
            return new UriBuilder(current) { Query = query.ToString() }.Uri;
        }

        return null;
    }

    private static Uri? Link(Uri current, JsonNode page, string member) =>
        page[member] is JsonValue v && v.TryGetValue<string>(out var link) && link.Length > 0 ? new Uri(current, link) : null;
}
