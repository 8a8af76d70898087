using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>GitLab REST API responses (project, protected branches, tags and environments) beside a GCP trust.</summary>
public sealed class GitLabApiShapesTests
{
    [Fact]
    public void The_project_and_its_protections_shape_the_developer_findings()
    {
        var trust = Corpus.Load("gitlab-api", "terraform-provider-google/6.x/state.json");

        var project = Assert.Single(trust.GitLabProjects);
        Assert.Equal("4242", project.Id);
        Assert.Equal("77", project.NamespaceId);
        Assert.Equal("group", project.NamespaceKind);
        Assert.True(project.ForkPipelinesInParent);

        var release = Assert.Single(project.ProtectedBranches, b => b.Pattern == "release/*");
        Assert.Equal([GitLabAccessLevel.Developer], release.PushAccess);
        Assert.True(release.HasIndividualGrants); // merge by group 1234 (access_level null)
        Assert.True(Assert.Single(project.ProtectedBranches, b => b.Pattern == "main").HasIndividualGrants); // the deploy key
        Assert.True(Assert.Single(project.ProtectedTags).HasIndividualGrants);
        // A group's entry carries the group's access_level (40) too: it is the group's grant, not the Maintainer role's.
        var production = Assert.Single(project.ProtectedEnvironments);
        Assert.Equal([GitLabAccessLevel.Developer], production.DeployAccess);
        Assert.True(production.HasIndividualGrants);

        Assert.Contains("developer-branch-can-assume deployer@acme-prod.iam.gserviceaccount.com", Corpus.FindingLines(trust));
    }
}
