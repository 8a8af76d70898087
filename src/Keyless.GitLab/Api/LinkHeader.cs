namespace Keyless.GitLab.Api;

/// <summary>
/// The <c>rel="next"</c> target of an RFC 8288 <c>Link</c> header, as GitLab sends it for offset pagination:
/// <c>&lt;https://…?page=2&amp;per_page=100&gt;; rel="next", &lt;…&gt;; rel="first"</c>. Hand-written, linear.
/// </summary>
public static class LinkHeader
{
    public static string? Next(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            var position = 0;
            while (position < value.Length)
            {
                var open = value.IndexOf('<', position);
                if (open < 0)
                {
                    break;
                }

                var close = value.IndexOf('>', open + 1);
                if (close < 0)
                {
                    break;
                }

                var target = value[(open + 1)..close];
                var nextLink = value.IndexOf('<', close + 1);
                var parameters = nextLink < 0 ? value[(close + 1)..] : value[(close + 1)..nextLink];
                if (HasNextRel(parameters))
                {
                    return target;
                }

                position = nextLink < 0 ? value.Length : nextLink;
            }
        }

        return null;
    }

    private static bool HasNextRel(string parameters)
    {
        foreach (var part in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !part[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rels = part[(equals + 1)..].Trim().Trim(',').Trim().Trim('"');
            if (rels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("next", StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
