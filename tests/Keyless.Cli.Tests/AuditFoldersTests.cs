using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>
/// <c>keyless audit FOLDER</c> on folders as users have them: <c>plan</c>'s own output, a repository with package.json and
/// editor settings, a Terraform working directory, an empty folder.
/// </summary>
public sealed class AuditFoldersTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keyless-audit-folders-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Plan_s_own_output_folder_is_audited_and_its_bicepconfig_is_skipped()
    {
        var plan = await KeylessProcess.RunAsync("plan", Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), "--out", _folder, "--terraform-syntax", "json");
        Assert.Equal(0, plan.ExitCode);

        var run = await KeylessProcess.RunAsync("audit", _folder);

        Assert.Equal(0, run.ExitCode);
        // 2 GCP accounts and 2 Azure identities from the Terraform; the 2 AWS roles twice, from the Terraform and from
        // the CloudFormation template (two ways to deploy the same roles; neither has an ARN before it is deployed).
        Assert.Contains("keyless audit: 8 identities, 0 findings", run.StdErr, StringComparison.Ordinal);
        var skipped = Assert.Single(Lines(run.StdErr), l => l.Contains("skipped", StringComparison.Ordinal));
        Assert.EndsWith("skipped 1 file with no trust input: " + Path.Combine(_folder, "bicep", "bicepconfig.json"), skipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_folder_is_audited_with_one_line_for_the_files_it_skips()
    {
        CopyExample("gcp-vulnerable-pool-wide");
        Write("package.json", """{"name": "payments", "private": true}""");
        Write("tsconfig.json", """{"compilerOptions": {"strict": true,}, // what editors write""" + "\n}");
        Write("renovate.json", """{"extends": ["config:recommended"]}""");
        Write(".vscode/settings.json", """{"files.trimTrailingWhitespace": true}""");
        Write("bicepconfig.json", """{"experimentalFeaturesEnabled": {"extensibility": true}}""");
        var expected = await KeylessProcess.RunAsync("audit", Path.Combine(RepoPaths.Examples, "gcp-vulnerable-pool-wide"), "--format", "json");

        var run = await KeylessProcess.RunAsync("audit", _folder, "--format", "json");

        Assert.Equal(expected.ExitCode, run.ExitCode);
        Assert.Equal(FindingIds(expected.StdOut), FindingIds(run.StdOut));
        var skipped = Assert.Single(Lines(run.StdErr), l => l.Contains("skipped", StringComparison.Ordinal));
        Assert.StartsWith("keyless audit: skipped 5 files with no trust input: ", skipped, StringComparison.Ordinal);
        foreach (var name in new[] { ".vscode", "bicepconfig.json", "package.json", "renovate.json", "tsconfig.json" })
        {
            Assert.Contains(name, skipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_terraform_working_directory_reads_its_state_not_its_cache_or_backup()
    {
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "real-shapes", "terraform-provider-google", "6.x", "terraform.tfstate"), Path.Combine(_folder, "terraform.tfstate"));
        Write("terraform.tfstate.backup", "{ the previous state");
        Write(".terraform/modules/modules.json", """{"Modules": [{"Key": "", "Source": "", "Dir": "."}]}""");
        Write(".terraform/terraform.tfstate", """{"version": 3, "backend": {"type": "gcs"}}""");
        Write("main.tf", "terraform {}\n");

        var run = await KeylessProcess.RunAsync("audit", _folder, "--format", "json");

        Assert.Equal(1, run.ExitCode); // the user-managed key beside federation is high
        Assert.Contains("service-account-key-beside-federation", run.StdOut, StringComparison.Ordinal);
        // The configuration is not a stray file: the line names the state read in its place, and nothing else.
        var line = Assert.Single(Lines(run.StdErr), l => l.Contains(" in place of ", StringComparison.Ordinal));
        Assert.DoesNotContain("skipped", run.StdErr, StringComparison.Ordinal);
        Assert.Equal($"keyless audit: read {Path.Combine(_folder, "terraform.tfstate")} in place of {Path.Combine(_folder, "main.tf")} (the applied state says what is deployed)", line);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_folder_exits_2_instead_of_passing()
    {
        var run = await KeylessProcess.RunAsync("audit", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"no trust found in {_folder}", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_named_explicitly_that_holds_no_trust_exits_2_naming_it()
    {
        var package = Write("package.json", """{"name": "payments"}""");

        var run = await KeylessProcess.RunAsync("audit", package);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{package} ($): not a trust input", run.StdErr, StringComparison.Ordinal);
    }

    private string Write(string relative, string text)
    {
        var file = Path.Combine(_folder, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    private void CopyExample(string name)
    {
        var source = Path.Combine(RepoPaths.Examples, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] FindingIds(string json) =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(json)!["findings"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
}
