using System.Text.Json.Nodes;
using Keyless.Pull.Auth;
using Keyless.Pull.Http;
using Keyless.Pull.Output;
using Keyless.Pull.Sources;

namespace Keyless.Pull;

/// <summary>
/// One <c>keyless pull</c>: a session over an output folder; the sources (<see cref="GcpPull"/>, <see cref="AzurePull"/>,
/// <see cref="GitLabPull"/>, <see cref="AwsPull"/>) read into it, and <see cref="Finish"/> writes the manifest and the pull.json record (source,
/// time, endpoints, API versions, calls, pages, retries, what could not be read and why) and says how it ended.
/// </summary>
public sealed class Puller : IDisposable
{
    private static readonly Dictionary<string, string> ApiVersions = new()
    {
        ["iam"] = "v1",
        ["cloudresourcemanager"] = "v1 (projects), v2 (folders)",
        ["graph"] = "v1.0 (applications), beta (federatedIdentityCredentials)",
        ["arm"] = AzurePull.ArmApiVersion + " (Microsoft.ManagedIdentity), " + AzurePull.SubscriptionsApiVersion + " (subscriptions)",
        ["gitlab"] = "v4",
        [AwsPull.Api] = AwsPull.ApiVersion,
    };

    private readonly PullHttp _http;
    private readonly DateTimeOffset _started;

    public Puller(string folder, PullEndpoints endpoints, PullOptions options, HttpMessageHandler handler, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = new PullHttp(handler, options);
        _started = options.Time.GetUtcNow();
        Session = new PullSession(_http, new PullFolder(folder), endpoints, options, progress);
    }

    public PullSession Session { get; }

    /// <summary>The client the pull sends through, for credential sources that need one (the emulator's reader tokens).</summary>
    public HttpClient Client => _http.Client;

    /// <summary>The emulator's reader credentials for one API, when the endpoints are a running emulator; else null.</summary>
    public EmulatorTokenSource? EmulatorCredentials(string api, string? tenant = null) =>
        Session.Endpoints.Emulator is { } emulator ? new EmulatorTokenSource(Client, emulator, api, tenant) : null;

    /// <summary>
    /// <c>keyless pull gcp</c>: every project at once (the request bound is the client's). The folders and organizations
    /// in <paramref name="parents"/> are walked first (subfolders too) and each project they hold is pulled as if it had
    /// been given.
    /// </summary>
    public async Task<PullOutcome> PullGcpAsync(IReadOnlyList<string> projects, ITokenSource auth, CancellationToken cancellationToken,
                                                IReadOnlyList<(string Type, string Id)>? parents = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(auth);
        parents ??= [];
        var listed = await Task.WhenAll(parents.Select(p => GcpProjectList.RunAsync(Session, p.Type, p.Id, auth, cancellationToken))).ConfigureAwait(false);
        var distinct = projects.Concat(listed.SelectMany(l => l.Projects)).Distinct(StringComparer.Ordinal).ToList();
        await Task.WhenAll(distinct.Select(p => GcpPull.RunAsync(Session, p, auth, cancellationToken))).ConfigureAwait(false);
        return Finish("gcp", [.. parents.Select(p => GcpProjectList.Scope(p.Type, p.Id)),
                              .. listed.SelectMany(l => l.Subfolders).Distinct(StringComparer.Ordinal).Select(f => GcpProjectList.Scope(GcpProjectList.Folder, f)),
                              .. distinct.Select(p => new PullScope(PullScope.Gcp, p))],
            new Dictionary<string, string> { ["iam"] = auth.Description, ["cloudresourcemanager"] = auth.Description }, ["iam", "cloudresourcemanager"]);
    }

    /// <summary><c>keyless pull azure</c>: one tenant, the given subscriptions (none: every one ARM lists).</summary>
    public async Task<PullOutcome> PullAzureAsync(string tenant, IReadOnlyList<string> subscriptions, ITokenSource graph, ITokenSource arm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(arm);
        await AzurePull.RunAsync(Session, tenant, subscriptions, graph, arm, cancellationToken).ConfigureAwait(false);
        return Finish("azure", [new PullScope(PullScope.Azure, tenant), .. subscriptions.Select(s => new PullScope(PullScope.AzureSubscription, s))],
            new Dictionary<string, string> { ["graph"] = graph.Description, ["arm"] = arm.Description }, ["graph", "arm", "authority"]);
    }

    /// <summary><c>keyless pull gitlab</c>: projects, groups (their projects and variables) and, for administrators, the instance's variables.</summary>
    public async Task<PullOutcome> PullGitLabAsync(IReadOnlyList<string> projects, IReadOnlyList<string> groups, bool instance, ITokenSource auth,
                                                   CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(auth);
        await Task.WhenAll(
            projects.Select(p => GitLabPull.RunProjectAsync(Session, p, auth, cancellationToken))
                .Concat(groups.Select(g => GitLabPull.RunGroupAsync(Session, g, auth, cancellationToken)))
                .Concat(instance ? [GitLabPull.RunInstanceAsync(Session, auth, cancellationToken)] : [])).ConfigureAwait(false);
        return Finish("gitlab",
            [.. projects.Select(p => new PullScope(PullScope.GitLab, p)), .. groups.Select(g => new PullScope(PullScope.GitLabGroup, g)),
             .. (instance ? [new PullScope(PullScope.GitLabInstance, "instance")] : Array.Empty<PullScope>())],
            new Dictionary<string, string> { ["gitlab"] = auth.Description }, ["gitlab"]);
    }

    /// <summary>
    /// <c>keyless pull aws</c>: one account's IAM (the account the credentials sign in; <paramref name="account"/> names
    /// the folder and the scope).
    /// </summary>
    public async Task<PullOutcome> PullAwsAsync(string account, IAwsCredentialSource credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        await AwsPull.RunAsync(Session, account, credentials, cancellationToken).ConfigureAwait(false);
        return Finish("aws", [new PullScope(PullScope.Aws, account)], new Dictionary<string, string> { [AwsPull.Api] = credentials.Description }, [AwsPull.Api]);
    }

    /// <summary>The emulator's reader key for AWS, when the endpoints are a running emulator; else null.</summary>
    public EmulatorAwsCredentials? EmulatorAwsCredentials() =>
        Session.Endpoints.Emulator is { } emulator ? new EmulatorAwsCredentials(Client, emulator) : null;

    /// <summary>Writes the manifest and pull.json; <paramref name="credentials"/> says what authenticated each API (never a token).</summary>
    public PullOutcome Finish(string source, IReadOnlyList<PullScope> scopes, IReadOnlyDictionary<string, string> credentials, IReadOnlyList<string> apis)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(apis);
        var session = Session;
        var failures = session.Failures.OrderBy(f => f.Scope.ToString(), StringComparer.Ordinal).ThenBy(f => f.Call, StringComparer.Ordinal).ToList();
        var exit = failures.Count == 0 ? PullOutcome.Complete : session.Answered == 0 ? PullOutcome.NothingRead : PullOutcome.Partial;
        var calls = _http.Calls;
        var record = new JsonObject
        {
            ["source"] = source,
            ["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode)s.ToString())]),
            ["result"] = exit switch { PullOutcome.Complete => "complete", PullOutcome.Partial => "partial", _ => "nothing read" },
            ["startedAt"] = _started.ToString("O"),
            ["finishedAt"] = session.Options.Time.GetUtcNow().ToString("O"),
            ["credentials"] = new JsonObject(credentials.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
            ["endpoints"] = new JsonObject(apis.Select(a => KeyValuePair.Create(a, (JsonNode?)session.Endpoints.Of(a).AbsoluteUri))),
            ["apiVersions"] = new JsonObject(apis.Where(ApiVersions.ContainsKey).Select(a => KeyValuePair.Create(a, (JsonNode?)ApiVersions[a]))),
            ["calls"] = new JsonObject(calls.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
            ["lists"] = new JsonArray([.. session.Lists.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => (JsonNode)new JsonObject
            {
                ["list"] = l.Name,
                ["pages"] = l.Pages,
                ["items"] = l.Items,
                ["complete"] = l.Complete,
            })]),
            ["retries"] = new JsonArray([.. _http.Retries.Select(r => (JsonNode)new JsonObject
            {
                ["api"] = r.Api,
                ["path"] = r.Path,
                ["outcome"] = r.Outcome,
                ["waitedSeconds"] = Math.Round(r.WaitedSeconds, 3),
            })]),
            ["filesWritten"] = session.Folder.Written,
            ["notVerified"] = new JsonArray([.. failures.Select(f => (JsonNode)new JsonObject
            {
                ["scope"] = f.Scope.ToString(),
                ["call"] = f.Call,
                ["status"] = f.Status,
                ["reason"] = f.Reason,
                ["permission"] = f.Permission,
            })]),
            ["secretsInVariables"] = new JsonArray([.. session.Secrets.Select(s => (JsonNode)new JsonObject
            {
                ["owner"] = s.Owner,
                ["variable"] = s.Variable,
                ["detector"] = s.Detector,
                ["severity"] = s.Severity,
                ["message"] = s.Message,
            })]),
            ["notes"] = new JsonArray([.. session.Notes.Select(n => (JsonNode)n)]),
        };
        session.Folder.Commit(record);
        return new PullOutcome(session.Folder.Root, session.Folder.Written, failures, session.Secrets, calls, exit);
    }

    public void Dispose() => _http.Dispose();
}
