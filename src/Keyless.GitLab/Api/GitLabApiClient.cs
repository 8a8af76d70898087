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
        ListAsync(VariableLevel.Project, project, $"projects/{Uri.EscapeDataString(project)}/variables", cancellationToken);

    /// <summary><c>GET /groups/:id/variables</c>; <paramref name="group"/> is an id or a full path.</summary>
    public Task<GitLabVariableSet> ListGroupVariablesAsync(string group, CancellationToken cancellationToken = default) =>
        ListAsync(VariableLevel.Group, group, $"groups/{Uri.EscapeDataString(group)}/variables", cancellationToken);

    /// <summary><c>GET /admin/ci/variables</c> (administrators only).</summary>
    public Task<GitLabVariableSet> ListInstanceVariablesAsync(CancellationToken cancellationToken = default) =>
        ListAsync(VariableLevel.Instance, null, "admin/ci/variables", cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<GitLabVariableSet> ListAsync(VariableLevel level, string? owner, string relative,
                                                    CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner ?? "instance");
        var first = new Uri(ApiBase, $"{relative}?per_page={_options.PerPage}");
        var source = new Uri(ApiBase, relative).AbsoluteUri;
        var variables = new List<GitLabVariable>();
        Uri? next = first;
        for (var page = 1; next is not null; page++)
        {
            if (page > _options.MaxPages)
            {
                throw new InputException(source, $"more than {_options.MaxPages} pages of variables; stopped");
            }

            using var response = await SendAsync(next, cancellationToken).ConfigureAwait(false);
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
                variables.AddRange(GitLabVariableJson.ReadArray(document.RootElement, next.AbsoluteUri, "$"));
            }

            next = NextPage(response, next);
        }

        return new GitLabVariableSet(level, owner, source, "$", variables);
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
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
