using Keyless.Trust.GitLab;

namespace Keyless.Trust.Tests.GitLab;

/// <summary>The facts of the GitLab model, each against the rule it cites.</summary>
public sealed class GitLabModelTests
{
    public sealed class RefNames
    {
        [Theory]
        [InlineData("main")]
        [InlineData("release/1.2")]
        [InlineData("feature/x-y_z")]
        [InlineData("v1.0.0")]
        public void Accepts_names_git_accepts(string name) => Assert.True(GitRefNames.IsValid(name));

        [Theory]
        [InlineData("release/")] // trailing slash
        [InlineData("/main")] // leading slash
        [InlineData("a..b")]
        [InlineData("a b")]
        [InlineData("x:y")]
        [InlineData("x*")]
        [InlineData("x?")]
        [InlineData("x[")]
        [InlineData("x~1")]
        [InlineData("x^")]
        [InlineData("x\\y")]
        [InlineData("x@{y")]
        [InlineData("x.lock")]
        [InlineData("x/.hidden")]
        [InlineData("x.")]
        [InlineData("a//b")]
        [InlineData("HEAD")]
        [InlineData("@")]
        [InlineData("-x")]
        [InlineData("refs/heads/main")]
        [InlineData("")]
        public void Refuses_names_git_or_gitlab_refuses(string name) => Assert.NotNull(GitRefNames.Problem(name));
    }

    public sealed class Paths
    {
        [Theory]
        [InlineData("acme/payments")]
        [InlineData("acme/team/app")]
        [InlineData("a_b/c.d-e")]
        public void Accepts_project_paths(string path) => Assert.True(GitLabPaths.IsValidProjectPath(path));

        [Theory]
        [InlineData("acme")] // no namespace
        [InlineData("acme/")] // empty name
        [InlineData("acme//app")]
        [InlineData("-acme/app")]
        [InlineData("acme/app.git")]
        [InlineData("acme./app")] // a namespace cannot end in '.'
        [InlineData("api/app")] // a GitLab route
        [InlineData("acme/ap p")]
        public void Refuses_paths_gitlab_refuses(string path) => Assert.False(GitLabPaths.IsValidProjectPath(path));

        [Fact]
        public void Splits_a_path_into_its_namespace_name_and_top_level()
        {
            Assert.Equal("acme/team", GitLabPaths.NamespaceOf("acme/team/app"));
            Assert.Equal("app", GitLabPaths.NameOf("acme/team/app"));
            Assert.Equal("acme", GitLabPaths.TopOf("acme/team/app"));
            Assert.True(GitLabPaths.IsWithin("acme/team/app", "acme"));
            Assert.False(GitLabPaths.IsWithin("acme-evil/app", "acme"));
        }
    }

    public sealed class Environments
    {
        [Theory]
        [InlineData("production", true)]
        [InlineData("review/feature-1", true)]
        [InlineData("review/", false)]
        [InlineData("/review", false)]
        [InlineData("prod:eu", false)]
        [InlineData("my env", true)]
        public void Names_follow_gitlabs_environment_regex(string name, bool valid) => Assert.Equal(valid, GitLabEnvironments.IsValidName(name));

        [Fact]
        public void There_are_five_tiers_and_prod_is_not_one() =>
            Assert.Equal(["production", "staging", "testing", "development", "other"], GitLabEnvironments.Tiers);
    }

    public sealed class Instances
    {
        [Theory]
        [InlineData("https://gitlab.com")]
        [InlineData("https://gitlab.com/")]
        [InlineData("https://gitlab.com/acme")]
        public void Any_url_on_gitlab_com_is_gitlab_com_whose_iss_is_fixed(string trusted)
        {
            var instance = GitLabInstance.ForIssuer(trusted);
            Assert.True(instance.IsGitLabCom);
            Assert.Equal("https://gitlab.com", instance.Issuer);
        }

        [Fact]
        public void A_self_managed_issuer_keeps_its_url_without_a_trailing_slash()
        {
            var instance = GitLabInstance.ForIssuer("https://gitlab.acme.example/");
            Assert.False(instance.IsGitLabCom);
            Assert.Equal("https://gitlab.acme.example", instance.Issuer);
            Assert.Equal("gitlab.acme.example", instance.Host);
        }
    }

    public sealed class World
    {
        [Fact]
        public void An_outsider_owns_only_namespaces_whose_top_level_nobody_holds()
        {
            var world = new GitLabWorld();
            world.AddProject("4242", "acme/payments", "72", "acme");
            world.NameNamespace("beta/team");
            world.NameProjectPath("alice/tools");

            Assert.False(world.OutsiderMayOwn("acme"));
            Assert.False(world.OutsiderMayOwn("ACME/sub")); // paths are unique without regard to case
            Assert.False(world.OutsiderMayOwn("beta"));
            Assert.False(world.OutsiderMayOwn("alice"));
            Assert.True(world.OutsiderMayOwn("acme-evil"));
            Assert.True(world.OutsiderMayOwn("evil/acme"));
            Assert.False(world.OutsiderMayOwn("api")); // a GitLab route
            Assert.Equal("acme/payments", world.ProjectPathOf("4242"));
            Assert.True(world.IsTakenId("72"));
        }

        [Fact]
        public void A_new_id_is_one_nobody_holds()
        {
            var world = new GitLabWorld();
            world.NameId("9000001");
            var next = 9000001;
            Assert.Equal("9000002", world.FreeId(ref next));
            Assert.Equal("9000003", world.FreeId(ref next));
        }
    }
}
