using System.Reflection;

namespace Keyless.Testing;

/// <summary>
/// Holds documents to the published JSON schemas vendored under <c>tests/schemas/</c> (each folder's SOURCE.md says
/// where from), with ajv run by node (<c>tools/npm/validate-json.mjs</c>, pinned by the lock file that
/// <c>scripts/test</c> installs). Skips, saying why, where node or the npm packages are missing.
/// </summary>
public static class JsonSchemaCheck
{
    public static string RepoRoot { get; } =
        typeof(JsonSchemaCheck).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "KeylessRepoRoot").Value!;

    public static string Sarif { get; } = Schema("sarif/2.1.0/sarif-schema-2.1.0.json");

    public static string GitLabSast { get; } = Schema("gitlab-security-reports/15.2.1/sast-report-format.json");

    public static string GitLabSecretDetection { get; } = Schema("gitlab-security-reports/15.2.1/secret-detection-report-format.json");

    public static string GitLabCi { get; } = Schema("gitlab-ci/ci.json");

    /// <summary>Fails with ajv's errors unless <paramref name="json"/> is valid against <paramref name="schema"/>.</summary>
    public static async Task AssertValidAsync(string schema, string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"keyless-schema-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            await AssertValidFilesAsync(schema, [file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Fails unless every file (JSON, or every document of a YAML file) is valid against <paramref name="schema"/>.</summary>
    public static async Task AssertValidFilesAsync(string schema, IReadOnlyList<string> files)
    {
        var run = await RunAsync(schema, files);
        Assert.True(run.ExitCode == 0, $"not valid against {Path.GetRelativePath(RepoRoot, schema)}:\n{run}");
    }

    /// <summary>What the validator says, for tests that expect a document to be refused.</summary>
    public static async Task<ToolRun> RunAsync(string schema, IReadOnlyList<string> files)
    {
        var npm = Path.Combine(RepoRoot, "tools", "npm");
        Assert.SkipUnless(ExternalTool.Find("node") is not null, "node is not installed");
        Assert.SkipUnless(Directory.Exists(Path.Combine(npm, "node_modules", "ajv")), "run npm ci in tools/npm");
        return await ExternalTool.RunAsync("node", [Path.Combine(npm, "validate-json.mjs"), schema, .. files]);
    }

    private static string Schema(string relative) => Path.Combine(RepoRoot, "tests", "schemas", relative);
}
