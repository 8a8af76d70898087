using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>The rewritten GitLab jobs in examples/gitlab-ci use only options the login commands have.</summary>
public sealed class LoginExamplesTests
{
    [Theory]
    [InlineData("gcp.gitlab-ci.yml", "gcp")]
    [InlineData("azure.gitlab-ci.yml", "azure")]
    public async Task Should_Use_Only_Existing_Options(string example, string cloud)
    {
        var help = await KeylessProcess.RunAsync("login", cloud, "--help");
        var lines = (await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Examples, "gitlab-ci", example), TestContext.Current.CancellationToken))
            .Where(l => l.Contains("keyless login " + cloud + " ", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(lines);
        foreach (var option in lines.SelectMany(l => l.Split(' ', '"', '(', ')')).Where(w => w.StartsWith("--", StringComparison.Ordinal)).Distinct())
        {
            Assert.Contains(" " + option + " ", help.StdOut, StringComparison.Ordinal);
        }
    }
}
