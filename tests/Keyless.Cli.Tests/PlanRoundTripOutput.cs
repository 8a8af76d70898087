using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;
using Keyless.GitLab.Pipeline;
using Keyless.Testing;
using Keyless.Trust.Claims;

namespace Keyless.Cli.Tests;

/// <summary>
/// One run of <c>keyless plan examples/plan/keyless.yml --out TMP --terraform-syntax json</c>, shared by the round
/// trip tests, and the intended token of each planned job, built only from what the plan wrote: the job's aud and
/// environment from the generated <c>.gitlab-ci.yml</c>, the project from its header, and <c>sub</c> rendered with
/// the <c>ci_id_token_sub_claim_components</c> the plan sets on that project.
/// </summary>
public sealed class PlanRoundTripOutput : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("keyless-plan-roundtrip-").FullName;

    public string Terraform => Path.Combine(Folder, "terraform");

    public string Pipelines => Path.Combine(Folder, "gitlab-ci");

    public KeylessRun Plan { get; private set; } = new(-1, string.Empty, string.Empty);

    public async ValueTask InitializeAsync() =>
        Plan = await KeylessProcess.RunAsync("plan", Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), "--out", Folder, "--terraform-syntax", "json");

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>The generated <c>keyless login</c> line of the job that logs in as <paramref name="loginKey"/>.</summary>
    public string LoginLine(string loginKey) =>
        Directory.EnumerateFiles(Pipelines, "*.yml")
            .SelectMany(f => PipelineReader.Read(f, new PipelineReaderOptions(Pipelines)).Jobs)
            .SelectMany(j => j.ScriptLines())
            .Single(l => l.Text.StartsWith("keyless login ", StringComparison.Ordinal) && l.Text.Contains(loginKey, StringComparison.Ordinal)).Text;

    /// <summary>The claims GitLab would mint for the planned job that logs in as <paramref name="loginKey"/> (an email or client id).</summary>
    public JsonObject IntendedToken(string loginKey)
    {
        foreach (var file in Directory.EnumerateFiles(Pipelines, "*.yml"))
        {
            var document = PipelineReader.Read(file, new PipelineReaderOptions(Pipelines));
            var job = document.Jobs.FirstOrDefault(j => j.ScriptLines().Any(l => l.Text.Contains(loginKey, StringComparison.Ordinal)));
            if (job is null)
            {
                continue;
            }

            var (projectPath, projectId) = ProjectOf(file);
            var token = PlannedJobClaims.PushToMain("https://gitlab.com", Assert.Single(Assert.Single(job.IdTokens).Audiences).Value, projectPath, projectId);
            if (job.Environment is { } environment)
            {
                token.WithProtectedEnvironment(environment.Value, job.Body.GetMapping("environment")?.GetScalar("deployment_tier")?.Value);
            }

            return token;
        }

        throw new InvalidOperationException($"no generated job logs in as {loginKey}");
    }

    /// <summary>
    /// <c>sub</c> as GitLab renders it with the components the plan sets on the project of the job that logs in as
    /// <paramref name="loginKey"/>; an attacker's own project is assumed to copy them (the strongest case).
    /// </summary>
    public JsonObject WithSub(JsonObject token, string loginKey)
    {
        var intended = IntendedToken(loginKey)[GitLabClaimNames.ProjectId]!.GetValue<string>();
        var copy = (JsonObject)token.DeepClone();
        copy[GitLabClaimNames.Subject] = SubClaimRenderer.Render(copy, SubComponents(intended));
        return copy;
    }

    private static (string Path, string Id) ProjectOf(string pipeline)
    {
        // "# GitLab CI jobs that use the keyless trust for acme/payments (project 4242)."
        var header = File.ReadLines(pipeline).First();
        var start = header.IndexOf(" for ", StringComparison.Ordinal) + " for ".Length;
        var open = header.IndexOf(" (project ", StringComparison.Ordinal);
        return (header[start..open], header[(open + " (project ".Length)..header.IndexOf(')', open)]);
    }

    /// <summary>The planned project's sub components: the gitlab_project the plan imports under this project id.</summary>
    private List<string> SubComponents(string projectId)
    {
        var tf = JsonNode.Parse(File.ReadAllText(Path.Combine(Terraform, "main.tf.json")))!;
        var address = tf["import"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == projectId)!["to"]!.GetValue<string>();
        var name = address["gitlab_project.".Length..];
        return tf["resource"]!["gitlab_project"]![name]!["ci_id_token_sub_claim_components"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
    }
}
