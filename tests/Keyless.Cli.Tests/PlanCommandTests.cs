using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary><c>keyless plan</c> as a user runs it: files written and listed, bad intent is exit 2 with the place.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keyless-plan-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Should_Write_Every_Format_And_List_The_Files()
    {
        var run = await KeylessProcess.RunAsync("plan", Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), "--out", _folder);

        Assert.Equal(0, run.ExitCode);
        foreach (var file in new[] { "terraform/main.tf", "scripts/gcloud.sh", "scripts/az.sh", "scripts/gitlab-api.sh", "bicep/applications.bicep", "gitlab-ci/acme-payments.gitlab-ci.yml" })
        {
            Assert.True(File.Exists(Path.Combine(_folder, file)), file);
            Assert.Contains(file.Replace('/', Path.DirectorySeparatorChar), run.StdOut, StringComparison.Ordinal);
        }

        // The committed example output is what the command writes.
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepoPaths.Examples, "plan", "out", "terraform", "main.tf")),
            File.ReadAllText(Path.Combine(_folder, "terraform", "main.tf")));
    }

    [Fact]
    public async Task Should_Write_Terraform_Json_When_Asked()
    {
        var run = await KeylessProcess.RunAsync("plan", Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), "--out", _folder, "--terraform-syntax", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder, "terraform", "main.tf.json")));
        Assert.False(File.Exists(Path.Combine(_folder, "terraform", "main.tf")));
    }

    [Fact]
    public async Task Should_Exit_2_With_File_Line_And_Column_On_Bad_Intent()
    {
        var intent = Path.Combine(_folder, "keyless.yml");
        await File.WriteAllTextAsync(intent, "project: { path: acme/payments, id: 4242 }\ngcp:\n  projekt: acme-prod\n", TestContext.Current.CancellationToken);

        var run = await KeylessProcess.RunAsync("plan", intent, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{intent}:3:3", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("unknown key 'projekt'", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Theory]
    [InlineData("--terraform-syntax", "yaml")]
    [InlineData("--out", "")]
    public async Task Should_Exit_2_On_Bad_Options(string option, string value)
    {
        var run = await KeylessProcess.RunAsync("plan", Path.Combine(RepoPaths.Examples, "plan", "keyless.yml"), "--out", _folder, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.StdErr + run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_When_The_Intent_File_Is_Missing()
    {
        var run = await KeylessProcess.RunAsync("plan", Path.Combine(_folder, "nope.yml"), "--out", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.yml", run.StdErr, StringComparison.Ordinal);
    }
}
