using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Keyless.Testing;

namespace Keyless.GitLab.Tests.Api;

/// <summary>
/// A local stand-in for GitLab's CI/CD variables API on 127.0.0.1, mirroring the documented shapes: the variable
/// objects, offset pagination with <c>page</c>/<c>per_page</c>, <c>Link</c> (next, first, last) and
/// <c>x-next-page</c>/<c>x-page</c>/<c>x-per-page</c>/<c>x-total</c> headers, 401 without the right
/// <c>PRIVATE-TOKEN</c>, and scripted failures (429 with <c>Retry-After</c>, 5xx) before success.
/// </summary>
internal sealed class FakeGitLab : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly Dictionary<string, JsonArray> _lists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string? RetryAfter)>> _failures = new(StringComparer.Ordinal);

    public FakeGitLab(string token)
    {
        Token = token;
        _server = new LoopbackHttpServer(async context =>
        {
            if (ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay);
            }

            Handle(context);
        });
        BaseUrl = new Uri(_server.Origin + "/");
    }

    public string Token { get; }

    public Uri BaseUrl { get; }

    /// <summary>Raw request targets in arrival order, with whether the token header was right.</summary>
    public ConcurrentQueue<(string Target, bool TokenOk)> Requests { get; } = new();

    /// <summary>Omit the Link header (older GitLab, or a proxy that strips it) so x-next-page must be used.</summary>
    public bool SendLinkHeader { get; set; } = true;

    /// <summary>When set, the next-page link points at this origin instead of the API's own.</summary>
    public Uri? NextLinkOrigin { get; set; }

    /// <summary>When set, every request is answered <c>302 Found</c> with a <c>Location</c> at this origin (same path and query).</summary>
    public Uri? RedirectTo { get; set; }

    /// <summary>How long each answer waits, to let a client's per-attempt timeout expire.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Serve <paramref name="variables"/> at <c>/api/v4/{path}</c> (path as sent, e.g. <c>projects/acme%2Fapp/variables</c>).</summary>
    public void Serve(string path, JsonArray variables) => _lists["/api/v4/" + path] = variables;

    /// <summary>Answer the next requests to <c>/api/v4/{path}</c> with these statuses before serving normally.</summary>
    public void FailFirst(string path, params (int Status, string? RetryAfter)[] failures) =>
        _failures["/api/v4/" + path] = new ConcurrentQueue<(int, string?)>(failures);

    public static JsonObject Variable(string key, string? value, bool @protected = false, bool masked = false, bool hidden = false,
                                      string type = "env_var", string? scope = "*") => new()
    {
        ["variable_type"] = type,
        ["key"] = key,
        ["value"] = value,
        ["protected"] = @protected,
        ["masked"] = masked,
        ["hidden"] = hidden,
        ["raw"] = false,
        ["environment_scope"] = scope,
        ["description"] = null,
    };

    public ValueTask DisposeAsync()
    {
        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var raw = request.RawUrl ?? "/";
        var tokenOk = request.Headers["PRIVATE-TOKEN"] == Token;
        Requests.Enqueue((raw, tokenOk));
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? raw : raw[..question];
        var query = System.Web.HttpUtility.ParseQueryString(question < 0 ? string.Empty : raw[question..]);

        if (RedirectTo is { } redirect)
        {
            response.Headers["Location"] = new Uri(redirect, raw.TrimStart('/')).AbsoluteUri;
            Reply(response, 302, "{}");
            return;
        }

        if (!tokenOk)
        {
            Reply(response, 401, "{\"message\":\"401 Unauthorized\"}");
            return;
        }

        if (_failures.TryGetValue(path, out var failures) && failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is { } retryAfter)
            {
                response.Headers["Retry-After"] = retryAfter;
            }

            Reply(response, failure.Status, "{\"message\":\"try again\"}");
            return;
        }

        if (!_lists.TryGetValue(path, out var all))
        {
            Reply(response, 404, "{\"message\":\"404 Project Not Found\"}");
            return;
        }

        var perPage = Math.Clamp(int.TryParse(query["per_page"], out var p) ? p : 20, 1, 100);
        var page = Math.Max(1, int.TryParse(query["page"], out var n) ? n : 1);
        var pages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var slice = new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).Select(v => v!.DeepClone()).ToArray());

        response.Headers["x-page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["x-per-page"] = perPage.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["x-total"] = all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["x-total-pages"] = pages.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["x-next-page"] = page < pages ? (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        if (SendLinkHeader)
        {
            var origin = NextLinkOrigin ?? BaseUrl;
            // GitLab keeps the request's other parameters (include_subgroups, with_shared) in every link.
            var kept = string.Concat(query.AllKeys.Where(k => k is not (null or "page" or "per_page"))
                .Select(k => $"{Uri.EscapeDataString(k!)}={Uri.EscapeDataString(query[k] ?? string.Empty)}&"));
            string Link(int target, string rel) => $"<{new Uri(origin, path.TrimStart('/'))}?{kept}page={target}&per_page={perPage}>; rel=\"{rel}\"";
            var links = new List<string>();
            if (page < pages)
            {
                links.Add(Link(page + 1, "next"));
            }

            links.Add(Link(1, "first"));
            links.Add(Link(pages, "last"));
            response.Headers["Link"] = string.Join(", ", links);
        }

        Reply(response, 200, slice.ToJsonString());
    }

    private static void Reply(HttpListenerResponse response, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }
}
