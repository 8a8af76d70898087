using System.Text.Json.Nodes;
using Keyless.GitLab.Api;
using Keyless.Pull.Auth;
using Keyless.Pull.Output;
using Keyless.Pull.Http;
using Keyless.Scan;

namespace Keyless.Pull.Sources;

/// <summary>
/// <c>keyless pull gitlab --project PATH | --group PATH</c>: per project the settings that shape tokens
/// (<c>GET /projects/:id</c>, without <c>runners_token</c>), protected branches, tags and environments, and CI/CD
/// variables; for a group its projects (subgroups included) and its own variables; with <c>--instance</c> the
/// instance's variables. Variable values are scanned in memory and never written: the export keeps each variable's key
/// and flags, and what the scanner found (<c>keyless_scan</c>: detector and fingerprint). Files under <c>gitlab/PATH/</c>.
/// </summary>
public static class GitLabPull
{
    /// <summary>Fields of a project that hold secrets of their own, dropped before the response is written.</summary>
    private static readonly string[] SecretFields = ["runners_token"];

    private static readonly SecretScanner Scanner = new();

    public static async Task RunProjectAsync(PullSession session, string project, ITokenSource auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scope = new PullScope(PullScope.GitLab, project);
        var folder = "gitlab/" + PathSegments.Nested(project);
        var api = new Uri(session.Endpoints.GitLab, "api/v4/");
        var id = Uri.EscapeDataString(project);
        var owner = new JsonObject { ["gitlabProject"] = project };
        session.Folder.Clear(folder);

        var settings = session.ReadAsync(scope, "gitlab", "projects.get", HttpMethod.Get, new Uri(api, $"projects/{id}"), auth,
            $"{folder}/project.json", [], null, cancellationToken, WithoutSecretFields);
        var lists = new[] { ("protected_branches", "protected-branches"), ("protected_tags", "protected-tags"), ("protected_environments", "protected-environments") }
            .Select(list => session.ReadPagesAsync(scope, "gitlab", list.Item1, new Uri(api, $"projects/{id}/{list.Item1}?per_page=100"), auth,
                $"{folder}/{list.Item2}", owner, NextPage.GitLab, page => PullSession.Items(page, null), cancellationToken,
                tolerate: list.Item1 == "protected_environments" ? r => NotOnThisTier(session, project, r) : null));
        var variables = VariablesAsync(session, scope, VariableLevel.Project, project, new Uri(api, $"projects/{id}/variables?per_page=100"), auth,
            $"{folder}/variables", cancellationToken);
        await Task.WhenAll([settings, .. lists, variables]).ConfigureAwait(false);
        session.Progress?.Report($"gitlab:{project}: done");
    }

    /// <summary>A group's projects (subgroups included) each pulled as a project, and the group's own variables.</summary>
    public static async Task RunGroupAsync(PullSession session, string group, ITokenSource auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scope = new PullScope(PullScope.GitLabGroup, group);
        var folder = "gitlab-groups/" + PathSegments.Nested(group);
        var api = new Uri(session.Endpoints.GitLab, "api/v4/");
        var id = Uri.EscapeDataString(group);
        session.Folder.Clear(folder);

        // The listing repeats each project's settings; the manifest marks it so, and the project's own file is read.
        var projects = await session.ReadPagesAsync(scope, "gitlab", "groups.projects", new Uri(api, $"groups/{id}/projects?include_subgroups=true&per_page=100"), auth,
            $"{folder}/projects", new JsonObject { ["listing"] = true }, NextPage.GitLab, page => PullSession.Items(page, null), cancellationToken).ConfigureAwait(false);
        var groupVariables = VariablesAsync(session, scope, VariableLevel.Group, group, new Uri(api, $"groups/{id}/variables?per_page=100"), auth,
            $"{folder}/variables", cancellationToken);
        await Task.WhenAll([groupVariables, .. projects.Select(p => p["path_with_namespace"]?.ToString()).OfType<string>()
            .Select(path => RunProjectAsync(session, path, auth, cancellationToken))]).ConfigureAwait(false);
    }

    /// <summary>The instance-level variables (administrators only).</summary>
    public static Task RunInstanceAsync(PullSession session, ITokenSource auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Folder.Clear("gitlab-instance");
        return VariablesAsync(session, new PullScope(PullScope.GitLabInstance, "instance"), VariableLevel.Instance, "instance",
            new Uri(session.Endpoints.GitLab, "api/v4/admin/ci/variables?per_page=100"), auth, "gitlab-instance/variables", cancellationToken);
    }

    private static Task<IReadOnlyList<JsonNode>> VariablesAsync(PullSession session, PullScope scope, VariableLevel level, string owner, Uri first, ITokenSource auth,
                                       string fileBase, CancellationToken cancellationToken) =>
        session.ReadPagesAsync(scope, "gitlab", "variables", first, auth, fileBase, new JsonObject(), NextPage.GitLab,
            _ => [], cancellationToken, page => Sanitized(session, level, owner, page));

    /// <summary>
    /// A variables page without the values: each one scanned here, in memory, and replaced by what the scanner found.
    /// </summary>
    private static JsonArray Sanitized(PullSession session, VariableLevel level, string owner, JsonNode page)
    {
        var parsed = VariablesExport.Parse(page.ToJsonString(), $"{owner} variables").SelectMany(s => s.Variables).ToList();
        var findings = Scanner.ScanVariables(new GitLabVariableSet(level, owner, $"{owner} variables", "$", parsed));
        var items = new JsonArray();
        foreach (var item in (page as JsonArray ?? []).OfType<JsonObject>())
        {
            var copy = (JsonObject)item.DeepClone();
            copy.Remove("value");
            var key = copy["key"]?.ToString() ?? string.Empty;
            var scopeName = copy["environment_scope"]?.ToString();
            var path = scopeName is { } s and not "*" ? $"{key}@{s}" : key;
            var found = findings.Where(f => f.Location.Path == path).ToList();
            copy["keyless_scan"] = new JsonArray([.. found.Select(f => (JsonNode)new JsonObject
            {
                ["id"] = f.Id,
                ["severity"] = f.Severity.ToString().ToLowerInvariant(),
                ["message"] = f.Message,
            })]);
            foreach (var finding in found)
            {
                session.Secret(new PulledSecret(owner, key, finding.Id, finding.Severity.ToString().ToLowerInvariant(), finding.Message));
            }

            items.Add((JsonNode)copy);
        }

        return items;
    }

    private static JsonNode WithoutSecretFields(JsonNode project)
    {
        foreach (var field in SecretFields)
        {
            (project as JsonObject)?.Remove(field);
        }

        return project;
    }

    // Protected environments are a Premium feature: on other tiers GitLab answers 404 and there are none to read.
    private static bool NotOnThisTier(PullSession session, string project, PullResponse response)
    {
        if (response.Status != 404)
        {
            return false;
        }

        session.Note($"gitlab:{project}: protected environments answered 404 (a Premium feature); the audit takes no environment as protected");
        return true;
    }
}
