using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>terraform-provider-gitlab 17.x–19.x states beside a GCP trust that admits any protected ref of project 4242.</summary>
public sealed class GitLabProviderShapesTests
{
    [Theory]
    [InlineData("17.x")]
    [InlineData("18.x")]
    [InlineData("19.x")]
    public void Numeric_ids_load_and_every_version_s_access_levels_are_read(string version)
    {
        var trust = Corpus.Load($"terraform-provider-gitlab/{version}/state.json", "terraform-provider-google/6.x/state.json");

        // namespace_id is a Number in the provider's schema: `77`, not "77".
        var project = Assert.Single(trust.GitLabProjects);
        Assert.Equal("4242", project.Id);
        Assert.Equal("77", project.NamespaceId);
        Assert.Equal("acme/payments", project.Path);
        Assert.Equal(["project_path", "ref_type", "ref"], project.SubClaimComponents);

        var main = Assert.Single(project.ProtectedBranches, b => b.Pattern == "main");
        Assert.Equal([GitLabAccessLevel.Maintainer], main.PushAccess);
        Assert.False(main.HasIndividualGrants);

        // 17.x/18.x: push_access_level "developer" beside a user entry; 19.x EE: an allowed_to_push entry with
        // access_level "developer" beside a user entry, push_access_level null.
        var release = Assert.Single(project.ProtectedBranches, b => b.Pattern == "release/*");
        Assert.Contains(GitLabAccessLevel.Developer, release.PushAccess);
        Assert.True(release.HasIndividualGrants);

        var tags = Assert.Single(project.ProtectedTags);
        Assert.Equal([GitLabAccessLevel.Maintainer], tags.PushAccess);
        Assert.True(tags.HasIndividualGrants);

        // 17.x deploy_access_levels, 18.x and 19.x deploy_access_levels_attribute; user_id and group_id are numbers or null.
        var production = Assert.Single(project.ProtectedEnvironments);
        Assert.Equal([GitLabAccessLevel.Developer], production.DeployAccess);
        Assert.True(production.HasIndividualGrants);

        Assert.Contains($"developer-branch-can-assume {Corpus.Deployer}", Corpus.FindingLines(trust));
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.Token(Corpus.GcpAudience))[Corpus.Deployer]);
    }

    [Theory]
    [InlineData("17.x")]
    [InlineData("19.x")]
    public void A_developer_who_may_deploy_to_the_protected_environment_gets_an_identity_pinned_to_it(string version)
    {
        var folder = Directory.CreateTempSubdirectory("keyless-env-").FullName;
        try
        {
            EnvironmentPinnedTrust.Write(folder);
            var trust = Formats.Inputs.TrustLoader.Load([Corpus.File($"terraform-provider-gitlab/{version}/state.json"), folder]);

            Assert.Contains($"developer-environment-can-assume {EnvironmentPinnedTrust.Account}", Corpus.FindingLines(trust));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
