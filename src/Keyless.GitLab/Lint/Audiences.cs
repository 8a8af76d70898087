using Keyless.GitLab.Pipeline;

namespace Keyless.GitLab.Lint;

/// <summary>Reading <c>aud</c> values: variables filled in from the job, and what kind of audience a value is.</summary>
internal static class Audiences
{
    private const int MaxExpansions = 8;

    /// <summary>The value with <c>$VAR</c>/<c>${VAR}</c> replaced by the job's (or global) variables where known.</summary>
    public static string Expand(PipelineJob job, string value)
    {
        var text = value;
        for (var round = 0; round < MaxExpansions && text.Contains('$', StringComparison.Ordinal); round++)
        {
            var expanded = ExpandOnce(job, text);
            if (expanded == text)
            {
                break;
            }

            text = expanded;
        }

        return text;
    }

    /// <summary>
    /// The GitLab instance's own URL: <c>$CI_SERVER_URL</c>, <c>https://$CI_SERVER_HOST</c>, or an http(s) URL with no
    /// path whose host's first label starts with <c>gitlab</c> (https://gitlab.com, https://gitlab.example.com).
    /// </summary>
    public static bool IsInstanceUrl(string audience)
    {
        var text = audience.Trim().TrimEnd('/');
        if (text is "$CI_SERVER_URL" or "${CI_SERVER_URL}" or "https://$CI_SERVER_HOST" or "https://${CI_SERVER_HOST}"
            or "$CI_SERVER_PROTOCOL://$CI_SERVER_HOST" or "${CI_SERVER_PROTOCOL}://${CI_SERVER_HOST}")
        {
            return true;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.AbsolutePath is "/" or ""
            && string.IsNullOrEmpty(uri.Query)
            && uri.Host.Split('.')[0].StartsWith("gitlab", StringComparison.OrdinalIgnoreCase);
    }

    private static string ExpandOnce(PipelineJob job, string text)
    {
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                result.Append(text[i++]);
                continue;
            }

            var braced = text[i + 1] == '{';
            var start = i + (braced ? 2 : 1);
            var end = start;
            while (end < text.Length && Identifiers.IsIdentifierChar(text[end]))
            {
                end++;
            }

            var name = text[start..end];
            var close = braced ? (end < text.Length && text[end] == '}' ? end + 1 : -1) : end;
            if (name.Length == 0 || close < 0 || job.GetVariable(name) is not { } value || value.Value.Contains("$" + name, StringComparison.Ordinal))
            {
                result.Append(text[i++]);
                continue;
            }

            result.Append(value.Value);
            i = close;
        }

        return result.ToString();
    }
}
