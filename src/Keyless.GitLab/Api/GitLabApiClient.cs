using System.Net;
using System.Text.Json;
using Keyless.Trust.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Keyless.Formats.Inputs;

namespace Keyless.GitLab.Api;

/// <summary>
/// Reads CI/CD variables through GitLab's REST API v4 (project, group and instance level). Authenticates with a
/// <c>PRIVATE-TOKEN</c> header, follows <c>Link: rel="next"</c> (or <c>x-next-page</c>) pagination on the same
/// origin only, and retries 429, 408, 5xx and connection failures with bounded, jittered back-off that honours
/// <c>Retry-After</c>. Failures that are the user's to fix (URL, token, permissions) are
/// <see cref="InputException"/>s naming the request; the token is never part of any message.
/// </summary>
public sealed class GitLabApiClient : IDisposable
{
    private const string TokenHeader = "PRIVATE-TOKEN";

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly GitLabApiOptions _options;

    public GitLabApiClient(Uri gitlabUrl, string token, GitLabApiOptions? options = null)
        // No automatic redirects: the PRIVATE-TOKEN default header would go along to wherever a 30x points.
        : this(gitlabUrl, token, options, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
    {
    }

    internal GitLabApiClient(Uri gitlabUrl, string token, GitLabApiOptions? options, HttpMessageHandler innerHandler)
    {
        ArgumentNullException.ThrowIfNull(gitlabUrl);
        ArgumentException.ThrowIfNullOrEmpty(token);
        _options = options ?? new GitLabApiOptions();
        _baseUrl = new Uri(gitlabUrl.AbsoluteUri.TrimEnd('/') + "/", UriKind.Absolute);
        var resilience = new ResilienceHandler(BuildPipeline(_options)) { InnerHandler = innerHandler };

        // The per-attempt timeout lives in the pipeline; the client must not cut a patient retry short.
        _http = new HttpClient(resilience) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add(TokenHeader, token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("keyless");
    }

    /// <summary>The API base, e.g. <c>https://gitlab.example.com/api/v4/</c>.</summary>
    public Uri ApiBase => new(_baseUrl, "api/v4/");

    /// <summary><c>GET /projects/:id/variables</c>; <paramref name="project"/> is an id or a full path.</summary>
    public Task<GitLabVariableSet> ListProjectVariablesAsync(string project, CancellationToken cancellationToken = default) =>
        ListAsync(VariableLevel.Project, project, VariablesPath(VariableLevel.Project, project), cancellationToken);

    /// <summary><c>GET /groups/:id/variables</c>; <paramref name="group"/> is an id or a full path.</summary>
    public Task<GitLabVariableSet> ListGroupVariablesAsync(string group, CancellationToken cancellationToken = default) =>
        ListAsync(VariableLevel.Group, group, VariablesPath(VariableLevel.Group, group), cancellationToken);

    /// <summary><c>GET /admin/ci/variables</c> (administrators only).</summary>
    public Task<GitLabVariableSet> ListInstanceVariablesAsync(CancellationToken cancellationToken = default) =>
        ListAsync(VariableLevel.Instance, null, "admin/ci/variables", cancellationToken);

    /// <summary>
    /// The variables of one project found by a group walk, or null when GitLab answers 403 (the token may read the
    /// group yet lack the Maintainer role on this project): the walk reports it and goes on.
    /// </summary>
    public Task<GitLabVariableSet?> TryListProjectVariablesAsync(string project, CancellationToken cancellationToken = default) =>
        TryListAsync(VariableLevel.Project, project, VariablesPath(VariableLevel.Project, project), cancellationToken);

    /// <summary>As <see cref="TryListProjectVariablesAsync"/>, for a subgroup found by a group walk.</summary>
    public Task<GitLabVariableSet?> TryListGroupVariablesAsync(string group, CancellationToken cancellationToken = default) =>
        TryListAsync(VariableLevel.Group, group, VariablesPath(VariableLevel.Group, group), cancellationToken);

    /// <summary>The API URL of a project's or group's variables (what a finding about them points at).</summary>
    public string VariablesUrl(VariableLevel level, string owner) => new Uri(ApiBase, VariablesPath(level, owner)).AbsoluteUri;

    /// <summary>
    /// <c>GET /groups/:id/projects?include_subgroups=true&amp;with_shared=false</c>: the full paths
    /// (<c>path_with_namespace</c>) of the group's own projects and its subgroups' projects, not projects merely
    /// shared with it (they belong to, and are scanned with, another group).
    /// </summary>
    public Task<IReadOnlyList<string>> ListGroupProjectPathsAsync(string group, CancellationToken cancellationToken = default) =>
        ListPathsAsync($"groups/{Uri.EscapeDataString(group)}/projects", "include_subgroups=true&with_shared=false&", "path_with_namespace", cancellationToken);

    /// <summary><c>GET /groups/:id/descendant_groups</c>: the full paths of every subgroup, at any depth (not the group itself).</summary>
    public Task<IReadOnlyList<string>> ListDescendantGroupPathsAsync(string group, CancellationToken cancellationToken = default) =>
        ListPathsAsync($"groups/{Uri.EscapeDataString(group)}/descendant_groups", string.Empty, "full_path", cancellationToken);

    public void Dispose() => _http.Dispose();

    private static string VariablesPath(VariableLevel level, string owner) =>
        (level == VariableLevel.Group ? "groups/" : "projects/") + Uri.EscapeDataString(owner) + "/variables";

    private async Task<GitLabVariableSet> ListAsync(VariableLevel level, string? owner, string relative,
                                                    CancellationToken cancellationToken) =>
        (await ReadListAsync(level, owner, relative, forbiddenIsNull: false, cancellationToken).ConfigureAwait(false))!;

    private Task<GitLabVariableSet?> TryListAsync(VariableLevel level, string owner, string relative, CancellationToken cancellationToken) =>
        ReadListAsync(level, owner, relative, forbiddenIsNull: true, cancellationToken);

    private async Task<GitLabVariableSet?> ReadListAsync(VariableLevel level, string? owner, string relative, bool forbiddenIsNull,
                                                         CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner ?? "instance");
        var variables = new List<GitLabVariable>();
        var complete = await ReadPagesAsync(relative, string.Empty, forbiddenIsNull,
            (root, url) => variables.AddRange(GitLabVariableJson.ReadArray(root, url, "$")), cancellationToken).ConfigureAwait(false);
        return complete ? new GitLabVariableSet(level, owner, new Uri(ApiBase, relative).AbsoluteUri, "$", variables) : null;
    }

    private async Task<IReadOnlyList<string>> ListPathsAsync(string relative, string query, string field, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        await ReadPagesAsync(relative, query, forbiddenIsNull: false, (root, url) =>
        {
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new InputException(url, "expected a JSON array", path: "$");
            }

            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(field, out var value)
                    || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } path)
                {
                    throw new InputException(url, $"expected an object with a non-empty string {field}", path: $"$[{index}]");
                }

                paths.Add(path);
                index++;
            }
        }, cancellationToken).ConfigureAwait(false);
        return paths;
    }

    // Reads every page of one list, handing each page's root to read; false when the first page is a 403 and
    // forbiddenIsNull says the caller would rather skip the list than stop.
    private async Task<bool> ReadPagesAsync(string relative, string query, bool forbiddenIsNull, Action<JsonElement, string> read,
                                            CancellationToken cancellationToken)
    {
        var source = new Uri(ApiBase, relative).AbsoluteUri;
        Uri? next = new Uri(ApiBase, $"{relative}?{query}per_page={_options.PerPage}");
        for (var page = 1; next is not null; page++)
        {
            if (page > _options.MaxPages)
            {
                throw new InputException(source, $"more than {_options.MaxPages} pages; stopped");
            }

            using var response = await SendAsync(next, forbiddenIsNull && page == 1, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return false;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonDocument document;
            try
            {
                document = StrictJson.ParseDocument(body, 64);
            }
            catch (JsonException e)
            {
                throw new InputException(next.AbsoluteUri, $"the response is not JSON: {e.Message}");
            }

            using (document)
            {
                read(document.RootElement, next.AbsoluteUri);
            }

            next = NextPage(response, next);
        }

        return true;
    }

    private async Task<HttpResponseMessage?> SendAsync(Uri url, bool forbiddenIsNull, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new InputException(url.AbsoluteUri, $"GitLab did not answer: {e.Message}");
        }
        catch (TimeoutException e)
        {
            throw new InputException(url.AbsoluteUri, $"GitLab did not answer in time: {e.Message}");
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            // The pipeline's per-attempt timeout (after its retries) is no TimeoutException, yet means the same.
            throw new InputException(url.AbsoluteUri, $"GitLab did not answer in time: {e.Message}");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        if (forbiddenIsNull && response.StatusCode == HttpStatusCode.Forbidden)
        {
            response.Dispose();
            return null;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                throw new InputException(url.AbsoluteUri, Redirected(response, url));
            }

            throw new InputException(url.AbsoluteUri, Explain(response.StatusCode));
        }
    }

    // Only the target's scheme, host and port are shown: its user info, path or query could carry something that is
    // not ours to print.
    private static string Redirected(HttpResponseMessage response, Uri url)
    {
        var target = response.Headers.Location is { } location ? new Uri(url, location).GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) : "nowhere";
        return $"{(int)response.StatusCode} {response.StatusCode}: GitLab redirects to {target}; not following it with the token "
               + "(pass the URL GitLab answers on directly)";
    }

    private static string Explain(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "401 Unauthorized: the token is missing, expired or revoked",
        HttpStatusCode.Forbidden => "403 Forbidden: the token needs the read_api or api scope and the Maintainer role (administrator for instance variables)",
        HttpStatusCode.NotFound => "404 Not Found: no such project or group, or the token cannot see it",
        _ => $"{(int)status} {status}: GitLab refused the request (after retries, where retrying made sense)",
    };

    // Only follow links to the same origin: the PRIVATE-TOKEN header goes with every request.
    private Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        Uri? next = null;
        if (response.Headers.TryGetValues("Link", out var links) && LinkHeader.Next(links) is { } target)
        {
            next = new Uri(current, target);
        }
        else if (response.Headers.TryGetValues("x-next-page", out var pages)
                 && pages.FirstOrDefault() is { Length: > 0 } number && int.TryParse(number, out var page))
        {
            var query = System.Web.HttpUtility.ParseQueryString(current.Query);
            query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            next = new UriBuilder(current) { Query = query.ToString() }.Uri;
        }

        if (next is not null && Uri.Compare(next, _baseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new InputException(current.AbsoluteUri, $"the next-page link leaves {_baseUrl.GetLeftPart(UriPartial.Authority)}; not following it with the token");
        }

        return next;
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(GitLabApiOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,

            // Retry-After is read here rather than by the built-in switch so that it is bounded by MaxDelay too.
            ShouldRetryAfterHeader = false,
            DelayGenerator = args => ValueTask.FromResult(
                RetryAfter.Delay(args.Outcome.Result, options.TimeProvider, options.MaxDelay)),
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider }
            .AddRetry(retry)
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }
}
