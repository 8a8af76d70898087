using System.Text.Json.Nodes;
using System.Xml;
using Keyless.Pull.Auth;
using Keyless.Pull.Http;
using Keyless.Pull.Output;
using Keyless.Trust.Model;

namespace Keyless.Pull.Sources;

/// <summary>
/// <c>keyless pull aws</c>: from IAM's Query API (2010-05-08), the OIDC providers (<c>ListOpenIDConnectProviders</c>, then
/// <c>GetOpenIDConnectProvider</c> each), the roles (<c>ListRoles</c>, every <c>Marker</c> page) of which those whose
/// trust policy names an OIDC provider (or any principal) are kept, and the IAM users (<c>ListUsers</c>) with their
/// access keys' metadata (<c>ListAccessKeys</c> each; IAM returns no secret key). Calls: the list pages + 1 per provider +
/// 1 per user (more for a user's further key pages). Each answer is written as <c>aws iam … --output json</c> prints it,
/// under <c>aws/ACCOUNT/</c>.
/// </summary>
public static class AwsPull
{
    public const string Api = "aws-iam";
    public const string ApiVersion = "2010-05-08";

    // IAM's largest MaxItems: the fewest pages.
    private const string PageSize = "1000";

    // An access key id is what list-access-keys is about, not a secret: IAM's key metadata holds no secret key.
    private static readonly HashSet<string> KeyMetadata = new(StringComparer.Ordinal) { "aws-access-key-id" };

    public static async Task RunAsync(PullSession session, string account, IAwsCredentialSource credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scope = new PullScope(PullScope.Aws, account);
        var folder = "aws/" + PathSegments.Safe(account);
        session.Folder.Clear(folder);
        var query = new Query(session, scope, credentials);
        await Task.WhenAll(
            ProvidersAsync(query, folder, cancellationToken),
            query.PagesAsync("ListRoles", [], $"{folder}/roles", "Roles", FederatedOnly, null, cancellationToken),
            UsersAsync(query, folder, cancellationToken)).ConfigureAwait(false);
        session.Progress?.Report($"aws:{account}: done");
    }

    private static async Task ProvidersAsync(Query query, string folder, CancellationToken cancellationToken)
    {
        var list = await query.ReadAsync("ListOpenIDConnectProviders", [], $"{folder}/open-id-connect-providers.json", null, cancellationToken).ConfigureAwait(false);
        var arns = (list?["OpenIDConnectProviderList"] as JsonArray ?? []).Select(p => p?["Arn"]?.ToString()).OfType<string>().ToList();
        await Task.WhenAll(arns.Select(arn => query.ReadAsync("GetOpenIDConnectProvider", [new("OpenIDConnectProviderArn", arn)],
            $"{folder}/open-id-connect-providers/{PathSegments.Safe(AwsArn.OidcProviderUrl(arn) ?? arn)}.json", null, cancellationToken))).ConfigureAwait(false);
    }

    private static async Task UsersAsync(Query query, string folder, CancellationToken cancellationToken)
    {
        var users = await query.PagesAsync("ListUsers", [], $"{folder}/users", "Users", null, null, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(users.Select(u => u["UserName"]?.ToString()).OfType<string>().Select(name =>
            query.PagesAsync("ListAccessKeys", [new("UserName", name)], $"{folder}/users/{PathSegments.Safe(name)}/access-keys", "AccessKeyMetadata",
                null, KeyMetadata, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// A list-roles page with only the roles a GitLab token could reach: a statement naming an OIDC provider (of any
    /// account), any principal, or a policy Keyless cannot read (kept, so the audit says so). Roles for services and
    /// users are left out: they are no federation trust.
    /// </summary>
    private static JsonObject FederatedOnly(JsonObject page)
    {
        if (page["Roles"] is JsonArray roles)
        {
            page["Roles"] = new JsonArray([.. roles.Where(r =>
            {
                var (statements, error) = AwsTrustPolicy.Parse(r?["AssumeRolePolicyDocument"]);
                return error is not null || statements.Any(s => s.AnyPrincipal || s.Federated.Any(f => AwsArn.OidcProviderUrl(f) is not null));
            }).Select(r => r!.DeepClone())]);
        }

        return page;
    }

    /// <summary>One pull's IAM calls: signed, sent with the pull's retries, answered as the CLI's JSON or recorded as a failure.</summary>
    private sealed class Query(PullSession session, PullScope scope, IAwsCredentialSource credentials)
    {
        public async Task<JsonObject?> ReadAsync(string action, KeyValuePair<string, string>[] parameters, string file, IReadOnlySet<string>? metadata,
                                                 CancellationToken cancellationToken)
        {
            var result = await SendAsync(action, parameters, cancellationToken).ConfigureAwait(false);
            if (result is not null && session.Folder.Write(file, result, Entry(action), metadata) is { } heldBack)
            {
                session.Fail(scope, $"{Api} {action}", 200, heldBack, null);
            }

            return result;
        }

        /// <summary>Every <c>Marker</c> page of a list, each written as <c>{fileBase}.page-N.json</c>; the items of all.</summary>
        public async Task<IReadOnlyList<JsonNode>> PagesAsync(string action, KeyValuePair<string, string>[] parameters, string fileBase, string member,
                                                             Func<JsonObject, JsonObject>? transform, IReadOnlySet<string>? metadata, CancellationToken cancellationToken)
        {
            var all = new List<JsonNode>();
            string? marker = null;
            string? previous = null;
            var pages = 0;
            var complete = true;
            do
            {
                if (pages == session.Options.MaxPages)
                {
                    session.Fail(scope, $"{Api} {action}", 0, $"more than {session.Options.MaxPages} pages; stopped", null);
                    complete = false;
                    break;
                }

                KeyValuePair<string, string>[] form = [.. parameters, new("MaxItems", PageSize), .. marker is null ? [] : new[] { KeyValuePair.Create("Marker", marker) }];
                var page = await SendAsync(action, form, cancellationToken, pages > 0 ? $" (page {pages + 1})" : string.Empty).ConfigureAwait(false);
                if (page is null)
                {
                    complete = false;
                    break;
                }

                pages++;
                all.AddRange((page[member] as JsonArray ?? []).OfType<JsonNode>().Select(n => n.DeepClone()));
                var file = $"{fileBase}.page-{pages}.json";
                if (session.Folder.Write(file, transform is null ? page : transform((JsonObject)page.DeepClone()), Entry(action), metadata) is { } heldBack)
                {
                    session.Fail(scope, $"{Api} {action}", 200, heldBack, null);
                }
                else if (previous is not null)
                {
                    session.Folder.Continues(previous, file);
                }

                previous = file;
                marker = page["IsTruncated"] is JsonValue t && t.TryGetValue<bool>(out var truncated) && truncated ? page["Marker"]?.ToString() : null;
            }
            while (marker is { Length: > 0 });

            session.Listed(new PullList(fileBase, pages, all.Count, complete));
            return all;
        }

        private async Task<JsonObject?> SendAsync(string action, KeyValuePair<string, string>[] parameters, CancellationToken cancellationToken, string page = "")
        {
            var endpoint = session.Endpoints.AwsIam;
            KeyValuePair<string, string>[] form = [new("Action", action), new("Version", ApiVersion), .. parameters];
            var raw = await session.Http.SendRawAsync(Api, "/?Action=" + action, async (refresh, token) =>
                    AwsQuerySigner.Build(endpoint, "iam", form, await credentials.GetAsync(refresh, token).ConfigureAwait(false), session.Options.Time.GetUtcNow().UtcDateTime),
                Throttled, Expired, cancellationToken).ConfigureAwait(false);
            var call = $"{Api} {action}{page}";
            if (raw.Transport is not null)
            {
                session.Fail(scope, call, 0, raw.Transport, null);
                return null;
            }

            System.Xml.Linq.XElement answer;
            try
            {
                answer = IamJson.Parse(raw.Text);
            }
            catch (XmlException e)
            {
                session.Fail(scope, call, raw.Status, PullHttp.Describe(raw.Status, "the answer is not IAM's XML: " + e.Message, raw.Attempts), null);
                return null;
            }

            if (raw.Status is >= 200 and < 300 && IamJson.Result(answer, action) is { } result)
            {
                session.CountAnswer();
                return IamJson.ToJson(result);
            }

            var (code, message) = IamJson.Error(answer);
            var permission = code is "AccessDenied" or "AccessDeniedException" ? PermissionHint.Permission(Api, action, message) : null;
            var reason = PullHttp.Describe(raw.Status, code is null ? message : $"{code}: {message}", raw.Attempts);
            session.Fail(scope, call, raw.Status, permission is null ? reason : reason + "; missing permission: " + permission, permission);
            return null;
        }

        // IAM says "slow down" with HTTP 400 and the code Throttling (legion-platform/legion#807), not only with 429.
        private static bool Throttled(int status, string text) =>
            status == 400 && text.Contains("<Code>Throttling</Code>", StringComparison.Ordinal);

        // A session key past its expiry: AWS answers 403 ExpiredToken ("The security token included in the request is expired").
        private static bool Expired(int status, string text) =>
            status == 403 && text.Contains("<Code>ExpiredToken</Code>", StringComparison.Ordinal);

        private static JsonObject Entry(string action) => new() { ["response"] = $"{Api} {action}" };
    }
}
