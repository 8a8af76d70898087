using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Diagnostics;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>Every file of the corpus is read, none is skipped, and a wrong type in one is an error naming the place.</summary>
public sealed class CorpusFilesTests
{
    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(Corpus.Root, "*", SearchOption.AllDirectories)
                     .Where(d => Directory.EnumerateFiles(d, "*.json").Any() || Directory.EnumerateFiles(d, "*.tfstate").Any() || Directory.EnumerateFiles(d, "*.yaml").Any())
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Corpus.Root, folder).Replace(Path.DirectorySeparatorChar, '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_file_is_recognised_and_read(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Corpus.File(folder)).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var root = Keyless.Formats.Inputs.Aws.CloudFormationYaml.IsYaml(file) ? Keyless.Formats.Inputs.Aws.CloudFormationYaml.Convert(file, text) : JsonInput.Parse(file, text);
            Assert.True(InputDetector.Recognises(root), $"{file} is not recognised");
        }

        try
        {
            var trust = Corpus.Load(folder);
            Assert.Empty(trust.Skipped);
            Assert.NotEmpty(trust.Files);
        }
        catch (InputException e) when (folder.StartsWith("terraform-provider-gitlab", StringComparison.Ordinal) || folder == "gitlab-api")
        {
            // GitLab settings alone name no cloud identity: that is the error, not a parse failure.
            Assert.StartsWith("no trust found in", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void There_is_a_folder_per_producer_and_each_says_where_its_shapes_come_from()
    {
        var producers = Directory.EnumerateDirectories(Corpus.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["arm", "aws-cli", "az-cli", "cloudformation", "gitlab-api", "gitlab-docs-aws", "graph-beta", "graph-v1.0", "iam-v1-rest",
             "terraform-provider-aws", "terraform-provider-azuread", "terraform-provider-azurerm", "terraform-provider-gitlab",
             "terraform-provider-google"],
            producers);
        Assert.All(producers, p => Assert.True(File.Exists(Path.Combine(Corpus.Root, p!, "SOURCE.md")), $"{p} has no SOURCE.md"));
    }

    [Fact]
    public void A_wrong_type_in_an_attribute_Keyless_reads_names_the_file_and_path()
    {
        var state = JsonNode.Parse(File.ReadAllText(Corpus.File("terraform-provider-gitlab/19.x/state.json")))!;
        var resources = state["values"]!["root_module"]!["resources"]!.AsArray();
        var index = resources.Select((r, i) => (r, i)).Single(p => p.r!["type"]!.GetValue<string>() == "gitlab_project").i;
        resources[index]!["values"]!["namespace_id"] = true;

        var e = Assert.Throws<InputException>(() => TrustLoader.LoadText("state.json", state.ToJsonString()));

        Assert.Equal("state.json", e.File);
        Assert.Equal($"$.values.root_module.resources[{index}].values.namespace_id", e.JsonPath);
    }

    [Fact]
    public void An_attribute_Keyless_does_not_read_never_fails_a_load()
    {
        var state = JsonNode.Parse(File.ReadAllText(Corpus.File("terraform-provider-gitlab/19.x/state.json")))!;
        foreach (var resource in state["values"]!["root_module"]!["resources"]!.AsArray())
        {
            resource!["values"]!["an_attribute_of_a_future_provider"] = new JsonObject { ["nested"] = new JsonArray(1, true, null) };
            resource["values"]!["build_timeout"] = "not a number, and not read";
        }

        var trust = TrustLoader.LoadText("state.json", state.ToJsonString());

        Assert.Single(trust.GitLabProjects);
    }
}
