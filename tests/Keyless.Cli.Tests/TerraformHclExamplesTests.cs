using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>
/// The examples written as Terraform (<c>.tf</c>, read without <c>terraform init</c>) say what their JSON forms say:
/// <c>keyless audit</c> gives the same findings (id, persona, identity, severity) and exit code, and
/// <c>keyless explain</c> the same decision per identity for every example token.
/// </summary>
public sealed partial class TerraformHclExamplesTests
{
    /// <summary>The <c>.tf</c> example and its JSON form (Terraform JSON, gcloud, az CLI or Graph exports).</summary>
    public static TheoryData<string, string> Pairs => new()
    {
        { "gcp-hardened-tf", "gcp-hardened-tf-json" },
        { "gcp-hardened-gcloud-tf", "gcp-hardened-gcloud" },
        { "gcp-vulnerable-pool-wide-tf", "gcp-vulnerable-pool-wide" },
        { "azure-hardened-graph-tf", "azure-hardened-graph" },
        { "azure-hardened-managed-identity-tf", "azure-hardened-managed-identity" },
        { "azure-vulnerable-flexible-any-branch-tf", "azure-vulnerable-flexible-any-branch" },
        { "plan/out/terraform", "plan/out/terraform-json" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Audit_finds_the_same_in_both_forms(string hcl, string json)
    {
        var (hclExit, hclFindings) = await AuditAsync(hcl);
        var (jsonExit, jsonFindings) = await AuditAsync(json);

        Assert.Equal(jsonExit, hclExit);
        Assert.Equal(jsonFindings, hclFindings);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Explain_decides_the_same_in_both_forms(string hcl, string json)
    {
        foreach (var token in Directory.EnumerateFiles(Path.Combine(RepoPaths.Examples, "tokens"), "*.json").Order(StringComparer.Ordinal))
        {
            var hclDecisions = await ExplainAsync(token, hcl);
            var jsonDecisions = await ExplainAsync(token, json);

            Assert.NotEmpty(jsonDecisions);
            Assert.Equal(jsonDecisions, hclDecisions);
        }
    }

    [Fact]
    public async Task A_tf_syntax_error_exits_2_naming_the_file_line_and_column()
    {
        var folder = Directory.CreateTempSubdirectory("keyless-hcl-error-").FullName;
        try
        {
            var file = Path.Combine(folder, "main.tf");
            await File.WriteAllTextAsync(file, "resource \"google_x\" \"a\" {\n  members = [\"a\" \"b\"]\n}\n", TestContext.Current.CancellationToken);

            foreach (var target in new[] { folder, file })
            {
                var run = await KeylessProcess.RunAsync("audit", target);

                Assert.Equal(2, run.ExitCode);
                Assert.Contains($"{file}:2:18: expected ',' or ']' in the list", run.StdErr, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Exit, List<string> Findings)> AuditAsync(string example)
    {
        var run = await KeylessProcess.RunAsync("audit", Path.Combine(RepoPaths.Examples, example), "--format", "json");
        Assert.True(run.ExitCode is 0 or 1, $"{example}: {run.StdErr}");
        var findings = JsonNode.Parse(run.StdOut)!["findings"]!.AsArray()
            .Select(f => $"{f!["id"]} {f["persona"]?.GetValue<string>() ?? "-"} {Identity(f["identity"]!.GetValue<string>())} {f["severity"]}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return (run.ExitCode, findings);
    }

    private static async Task<List<string>> ExplainAsync(string token, string example)
    {
        var run = await KeylessProcess.RunAsync("explain", "--claims", token, Path.Combine(RepoPaths.Examples, example), "--format", "json");
        Assert.True(run.ExitCode is 0 or 1, $"{example}: {run.StdErr}");
        return JsonNode.Parse(run.StdOut)!["decisions"]!.AsArray()
            .Select(d => $"{Identity(d!["identity"]!.GetValue<string>())} {d["cloud"]} {d["decision"]}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// An Azure identity without its client id: Azure assigns it when the application or managed identity is created,
    /// so a configuration cannot say it (the exports do). Everything else about the identity must match.
    /// </summary>
    private static string Identity(string name) => ClientId().Replace(name, string.Empty);

    [GeneratedRegex(@" \(client id [0-9a-f-]+\)")]
    private static partial Regex ClientId();
}
