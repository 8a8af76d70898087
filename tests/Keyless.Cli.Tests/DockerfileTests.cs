using System.Text.RegularExpressions;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>
/// The Dockerfile, read as text: docker cannot run where the tests run, so what can be checked without it is checked
/// here (every image non-root with keyless as entrypoint and the OCI labels; the build stage runs the release script
/// that scripts/test runs and checks), and the rest is said in the README.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"));

    private static readonly string[] Images = ["gcloud", "az", "runtime"];

    private static Dictionary<string, string> Stages()
    {
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        var matches = StageStart().Matches(Text);
        for (var i = 0; i < matches.Count; i++)
        {
            var end = i + 1 < matches.Count ? matches[i + 1].Index : Text.Length;
            stages[matches[i].Groups["name"].Value] = Text[matches[i].Index..end];
        }

        return stages;
    }

    [Fact]
    public void Has_a_build_stage_and_three_images_with_the_slim_one_last_so_it_is_the_default()
    {
        Assert.Equal(["build", "gcloud", "az", "runtime"], Stages().Keys);
    }

    [Fact]
    public void Every_image_runs_keyless_as_a_non_root_user()
    {
        foreach (var image in Images)
        {
            var stage = Stages()[image];
            var user = Assert.Single(UserLine().Matches(stage)).Groups["user"].Value;
            Assert.False(user is "0" or "root", $"{image} runs as {user}");
            Assert.Contains("ENTRYPOINT [\"keyless\"]", stage, StringComparison.Ordinal);
            Assert.Contains("COPY --from=build /keyless /usr/local/bin/keyless", stage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_image_has_the_OCI_labels_with_the_projects_source()
    {
        var repository = Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props")),
            "<KeylessRepositoryUrl>(?<url>[^<]+)</KeylessRepositoryUrl>").Groups["url"].Value;
        foreach (var image in Images)
        {
            var stage = Stages()[image];
            foreach (var label in new[] { "title", "description", "version", "licenses", "source", "documentation" })
            {
                Assert.Contains($"org.opencontainers.image.{label}=", stage, StringComparison.Ordinal);
            }

            Assert.Contains($"org.opencontainers.image.source=\"{repository}\"", stage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_build_stage_runs_the_release_script_scripts_test_checks()
    {
        var build = Stages()["build"];

        Assert.Contains("scripts/release --only \"$rid\" --no-tool --out /dist", build, StringComparison.Ordinal);
        Assert.Contains("/dist/keyless-", build, StringComparison.Ordinal);
        Assert.Contains("scripts/release --only \"$rid\" --no-tool --out", File.ReadAllText(Path.Combine(RepoPaths.Root, "scripts", "test")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_node_modules()
    {
        var ignore = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore"));

        Assert.Contains("**/bin/", ignore);
        Assert.Contains("**/obj/", ignore);
        Assert.Contains("tools/npm/node_modules/", ignore);
    }

    [GeneratedRegex(@"^FROM \S+ AS (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex StageStart();

    [GeneratedRegex(@"^USER (?<user>\S+)", RegexOptions.Multiline)]
    private static partial Regex UserLine();
}
