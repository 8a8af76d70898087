using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Keyless.Testing;

/// <summary>
/// Runs the plan's <c>scripts/gitlab-api.sh</c> (real <c>sh</c>, real <c>curl</c>) against a stand-in for the few GitLab
/// REST calls it makes, and saves what GitLab then answers to its read calls, as <c>keyless audit</c> reads them: each
/// project (<c>GET /projects/:id</c>, with <c>ci_id_token_sub_claim_components</c> as the script set it) and its
/// protected branches, tags and environments (the list answers), with a keyless manifest naming each list's project.
/// Shapes from GitLab's REST API documentation (Projects; Protected branches, tags and environments: the POST
/// answers the created object, its <c>*_access_level</c> as <c>*_access_levels</c> entries).
/// </summary>
public static class GitLabSettingsScript
{
    /// <summary>Runs <paramref name="script"/> for the <paramref name="projects"/> (id, path) and writes the answers into <paramref name="into"/>.</summary>
    public static async Task RunAsync(string script, IReadOnlyList<(string Id, string Path)> projects, string work, string into)
    {
        var state = projects.ToDictionary(p => p.Id, p => new GitLabProjectState(p.Id, p.Path));
        using (var server = new LoopbackHttpServer(context => AnswerAsync(context, state)))
        {
            var path = System.IO.Path.Combine(work, "gitlab-api.sh");
            await File.WriteAllTextAsync(path, script);
            var run = await ExternalTool.RunAsync("sh", [path], new Dictionary<string, string>
            {
                ["GITLAB_API"] = server.Origin + "/api/v4",
                ["GITLAB_TOKEN"] = "glpat-test-not-a-secret",
            });
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"gitlab-api.sh failed: {run}");
            }
        }

        var manifest = new JsonObject();
        foreach (var project in state.Values)
        {
            await File.WriteAllTextAsync(System.IO.Path.Combine(into, $"gitlab-project-{project.Id}.json"), project.Project().ToJsonString());
            foreach (var (kind, list) in project.Protections)
            {
                var file = $"gitlab-{kind}-{project.Id}.json";
                await File.WriteAllTextAsync(System.IO.Path.Combine(into, file), new JsonArray([.. list.Select(o => o.DeepClone())]).ToJsonString());
                manifest[file] = new JsonObject { ["gitlabProject"] = project.Path };
            }
        }

        await File.WriteAllTextAsync(System.IO.Path.Combine(into, "keyless-manifest.json"),
            new JsonObject { ["keylessManifest"] = 1, ["files"] = manifest }.ToJsonString());
    }

    private static async Task AnswerAsync(HttpListenerContext context, Dictionary<string, GitLabProjectState> state)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var parts = context.Request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries); // api v4 projects ID [kind]
        var (status, answer) = parts is ["api", "v4", "projects", var id, ..] && state.TryGetValue(id, out var project)
            && context.Request.Headers["PRIVATE-TOKEN"] is { Length: > 0 }
            ? (context.Request.HttpMethod, parts.Length) switch
            {
                ("PUT", 4) => (200, project.Update(JsonNode.Parse(body)!.AsObject())),
                ("POST", 5) => (201, project.Protect(parts[4], JsonNode.Parse(body)!.AsObject())),
                _ => (404, new JsonObject { ["message"] = "404 Not Found" }),
            }
            : (404, new JsonObject { ["message"] = "404 Project Not Found" });
        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private sealed class GitLabProjectState(string id, string path)
    {
        private JsonArray? _components;

        public string Id { get; } = id;

        public string Path { get; } = path;

        public Dictionary<string, List<JsonObject>> Protections { get; } = new(StringComparer.Ordinal);

        public JsonObject Project() => new()
        {
            ["id"] = long.Parse(Id, System.Globalization.CultureInfo.InvariantCulture),
            ["name"] = Path[(Path.LastIndexOf('/') + 1)..],
            ["path_with_namespace"] = Path,
            ["namespace"] = new JsonObject { ["id"] = 100, ["full_path"] = Path[..Path.LastIndexOf('/')], ["kind"] = "group" },
            ["visibility"] = "private",
            ["default_branch"] = "main",
            ["ci_id_token_sub_claim_components"] = _components?.DeepClone(),
        };

        public JsonObject Update(JsonObject settings)
        {
            _components = settings["ci_id_token_sub_claim_components"]?.AsArray().DeepClone().AsArray() ?? _components;
            return Project();
        }

        /// <summary>The created protection as GitLab answers it: each requested level as an access level entry.</summary>
        public JsonObject Protect(string kind, JsonObject request)
        {
            var created = new JsonObject { ["id"] = Protections.Values.Sum(l => l.Count) + 1, ["name"] = request["name"]!.GetValue<string>() };
            foreach (var (key, value) in request)
            {
                if (key.EndsWith("_access_level", StringComparison.Ordinal))
                {
                    created[key + "s"] = new JsonArray(Level(value!.GetValue<int>()));
                }
                else if (key.EndsWith("_access_levels", StringComparison.Ordinal))
                {
                    created[key] = new JsonArray([.. value!.AsArray().Select(l => (JsonNode)Level(l!["access_level"]!.GetValue<int>()))]);
                }
                else if (key != "name")
                {
                    created[key] = value?.DeepClone();
                }
            }

            if (!Protections.TryGetValue(kind, out var list))
            {
                Protections[kind] = list = [];
            }

            list.Add(created);
            return created;
        }

        private static JsonObject Level(int level) => new()
        {
            ["access_level"] = level,
            ["access_level_description"] = level == 40 ? "Maintainers" : "Developers + Maintainers",
            ["user_id"] = null,
            ["group_id"] = null,
        };
    }
}
