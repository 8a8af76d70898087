using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Keyless.Pull.Auth;
using Keyless.Pull.Http;
using Keyless.Pull.Output;

namespace Keyless.Pull.Sources;

/// <summary>
/// One pull in progress: the client, the output folder, and what was learnt on the way (lists and their pages, parts
/// that could not be read, static keys found in variables). Reads either write a response or record why not; nothing
/// is dropped silently.
/// </summary>
public sealed class PullSession
{
    private readonly ConcurrentQueue<PullFailure> _failures = new();
    private readonly ConcurrentQueue<PullList> _lists = new();
    private readonly ConcurrentQueue<PulledSecret> _secrets = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private int _answered;

    public PullSession(PullHttp http, PullFolder folder, PullEndpoints endpoints, PullOptions options, IProgress<string>? progress = null)
    {
        Http = http;
        Folder = folder;
        Endpoints = endpoints;
        Options = options;
        Progress = progress;
    }

    public PullHttp Http { get; }

    public PullFolder Folder { get; }

    public PullEndpoints Endpoints { get; }

    public PullOptions Options { get; }

    public IProgress<string>? Progress { get; }

    public IReadOnlyList<PullFailure> Failures => [.. _failures];

    public IReadOnlyList<PullList> Lists => [.. _lists];

    public IReadOnlyList<PulledSecret> Secrets => [.. _secrets];

    public IReadOnlyList<string> Notes => [.. _notes];

    /// <summary>Calls that were answered with success: none means nothing at all could be read.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public void Fail(PullScope scope, string call, int status, string reason, string? permission) =>
        _failures.Enqueue(new PullFailure(scope, call, status, reason, permission));

    public void Note(string note) => _notes.Enqueue(note);

    public void Secret(PulledSecret secret) => _secrets.Enqueue(secret);

    /// <summary>Counts a call answered with success, for a source that reads through <see cref="PullHttp.SendRawAsync"/>.</summary>
    public void CountAnswer() => Interlocked.Increment(ref _answered);

    /// <summary>Records a list read page by page outside <see cref="ReadPagesAsync"/> (a Query API's <c>Marker</c> pages).</summary>
    public void Listed(PullList list) => _lists.Enqueue(list);

    /// <summary>
    /// Reads one resource and writes it (after <paramref name="transform"/>, which may drop fields that hold secrets);
    /// null, with the failure recorded against <paramref name="scope"/>, when it cannot be read.
    /// </summary>
    public async Task<JsonNode?> ReadAsync(PullScope scope, string api, string call, HttpMethod method, Uri url, ITokenSource auth,
                                           string file, JsonObject entry, JsonNode? body, CancellationToken cancellationToken,
                                           Func<JsonNode, JsonNode>? transform = null, Func<PullResponse, bool>? tolerate = null)
    {
        var response = await Http.SendAsync(api, method, url, auth, body, cancellationToken).ConfigureAwait(false);
        if (!response.Succeeded)
        {
            if (tolerate?.Invoke(response) != true)
            {
                Failed(scope, api, call, response);
            }

            return null;
        }

        Interlocked.Increment(ref _answered);
        var written = transform is null ? response.Body! : transform(response.Body!.DeepClone());
        if (Folder.Write(file, written, Entry(entry, api, call)) is { } heldBack)
        {
            Fail(scope, $"{api} {call}", response.Status, heldBack, null);
        }

        return response.Body;
    }

    /// <summary>
    /// Reads every page of a list, writing each as <c>{fileBase}.page-N.json</c> and saying in the manifest which page
    /// follows which, and returns the items of every page read. A page that cannot be read ends the list, recorded
    /// against <paramref name="scope"/>; a next link to another origin is not followed (the token would go along).
    /// </summary>
    public async Task<IReadOnlyList<JsonNode>> ReadPagesAsync(PullScope scope, string api, string call, Uri first, ITokenSource auth,
                                                             string fileBase, JsonObject entry, Func<Uri, JsonNode, IReadOnlyDictionary<string, string>, Uri?> next,
                                                             Func<JsonNode, IEnumerable<JsonNode>> items, CancellationToken cancellationToken,
                                                             Func<JsonNode, JsonNode>? transform = null, Func<PullResponse, bool>? tolerate = null)
    {
        var all = new List<JsonNode>();
        Uri? url = first;
        string? previous = null;
        var pages = 0;
        var complete = true;
        while (url is not null)
        {
            if (pages == Options.MaxPages)
            {
                Fail(scope, call, 0, $"more than {Options.MaxPages} pages; stopped", null);
                complete = false;
                break;
            }

            var response = await Http.SendAsync(api, HttpMethod.Get, url, auth, null, cancellationToken).ConfigureAwait(false);
            if (!response.Succeeded)
            {
                var tolerated = pages == 0 && tolerate?.Invoke(response) == true;
                if (!tolerated)
                {
                    Failed(scope, api, call + (pages > 0 ? $" (page {pages + 1})" : string.Empty), response);
                }

                complete = tolerated;
                break;
            }

            Interlocked.Increment(ref _answered);
            pages++;
            var file = $"{fileBase}.page-{pages}.json";
            var body = transform is null ? response.Body! : transform(response.Body!.DeepClone());
            if (Folder.Write(file, body, Entry(entry, api, call)) is { } heldBack)
            {
                Fail(scope, $"{api} {call}", response.Status, heldBack, null);
            }
            else if (previous is not null)
            {
                Folder.Continues(previous, file);
            }

            previous = file;
            all.AddRange(items(response.Body!));
            url = next(url, response.Body!, response.Headers);
            if (url is not null && Uri.Compare(url, first, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                Fail(scope, call, 0, $"the next-page link leaves {first.GetLeftPart(UriPartial.Authority)}; not followed with the credential", null);
                complete = false;
                break;
            }
        }

        _lists.Enqueue(new PullList(fileBase, pages, all.Count, complete));
        return all;
    }

    /// <summary>The items of a JSON list member (<c>value</c>, <c>accounts</c>, …), or of a top-level array.</summary>
    public static IEnumerable<JsonNode> Items(JsonNode page, string? member) =>
        (member is null ? page as JsonArray : page[member] as JsonArray)?.OfType<JsonNode>() ?? [];

    private void Failed(PullScope scope, string api, string call, PullResponse response)
    {
        var permission = response.Status == 403 ? PermissionHint.Permission(api, call, response.Body) : null;
        var reason = response.Failure ?? $"HTTP {response.Status}";
        if (permission is not null)
        {
            reason = reason.TrimEnd('.') + $"; missing permission: {permission}";
        }

        Fail(scope, $"{api} {call}", response.Status, reason, permission);
    }

    private static JsonObject Entry(JsonObject entry, string api, string call)
    {
        var copy = (JsonObject)entry.DeepClone();
        copy["response"] = $"{api} {call}";
        return copy;
    }
}
