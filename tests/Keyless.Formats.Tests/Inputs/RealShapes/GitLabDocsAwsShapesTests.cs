using Keyless.Trust.Identities;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>GitLab's own AWS guide: its trust policy document and the provider it tells users to create.</summary>
public sealed class GitLabDocsAwsShapesTests
{
    private const string Deploy = "role 'gitlab-deploy'";

    [Fact]
    public void The_guides_policy_admits_main_of_its_project_on_its_instance_only()
    {
        var trust = Corpus.Load("gitlab-docs-aws");
        var self = ("iss", "https://gitlab.example.com");

        Assert.Equal("gitlab-deploy", Assert.Single(trust.AwsRoles).Name);
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.Token("https://gitlab.example.com", self))[Deploy]);
        Assert.Equal(Verdict.Deny, Corpus.Decisions(trust, Corpus.Token("https://gitlab.example.com", self, ("ref", "dev"), ("ref_path", "refs/heads/dev")))[Deploy]);

        // The page's audience is the instance URL; AWS's own audience is not among the provider's client ids.
        Assert.Equal(Verdict.Deny, Corpus.Decisions(trust, Corpus.Token("sts.amazonaws.com", self))[Deploy]);

        // GitLab.com's tokens name another issuer: no provider of this account accepts them.
        Assert.Equal(Verdict.Deny, Corpus.Decisions(trust, Corpus.Token("https://gitlab.example.com"))[Deploy]);
    }

    [Fact]
    public void The_guides_path_pinned_sub_is_found_reclaimable_and_its_audience_is_the_instance_url()
    {
        var trust = Corpus.Load("gitlab-docs-aws");
        var lines = Corpus.FindingLines(trust);

        Assert.Contains($"path-reclaimer-can-assume {Deploy}", lines);
        Assert.DoesNotContain($"developer-branch-can-assume {Deploy}", lines);
    }
}
