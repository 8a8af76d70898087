using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>hashicorp/aws: the OIDC provider, a role whose trust a policy document rendered, a jsonencode'd role, an access key.</summary>
public sealed class TerraformAwsShapesTests
{
    private const string Deploy = "role 'gitlab-deploy' (arn:aws:iam::111122223333:role/gitlab-deploy)";
    private const string AnyAcme = "role 'gitlab-acme-any' (arn:aws:iam::111122223333:role/gitlab-acme-any)";

    [Fact]
    public void The_roles_admit_main_and_the_group_wildcard_admits_every_branch()
    {
        var trust = Corpus.Load("terraform-provider-aws");

        var provider = Assert.Single(trust.AwsProviders);
        Assert.Equal("gitlab.com", provider.Url);
        Assert.Equal(["https://gitlab.com"], provider.ClientIds);
        Assert.Equal("aws_iam_openid_connect_provider.gitlab", provider.TerraformAddress);

        var main = Corpus.Decisions(trust, Corpus.Token("https://gitlab.com"));
        Assert.Equal(Verdict.Allow, main[Deploy]);
        Assert.Equal(Verdict.Allow, main[AnyAcme]);

        var feature = Corpus.Decisions(trust, Corpus.Token("https://gitlab.com", ("ref", "feature"), ("ref_path", "refs/heads/feature")));
        Assert.Equal(Verdict.Deny, feature[Deploy]);
        Assert.Equal(Verdict.Allow, feature[AnyAcme]);

        // The deploy role also pins aud; sts.amazonaws.com is not a client id of the provider either.
        var sts = Corpus.Decisions(trust, Corpus.Token("sts.amazonaws.com"));
        Assert.Equal(Verdict.Deny, sts[Deploy]);
        Assert.Equal(Verdict.Deny, sts[AnyAcme]);

        var other = Corpus.Decisions(trust, Corpus.Token("https://gitlab.com", ("project_path", "beta/tools"), ("namespace_path", "beta")));
        Assert.Equal(Verdict.Deny, other[AnyAcme]);
    }

    [Fact]
    public void The_access_key_is_a_static_credential_beside_federation()
    {
        var trust = Corpus.Load("terraform-provider-aws");

        var key = Assert.Single(trust.StaticCredentials);
        Assert.Equal(StaticCredentialKind.AwsAccessKey, key.Kind);
        Assert.Equal("ci-legacy", key.Owner);
        Assert.Contains("access-key-beside-federation", Corpus.Findings(trust).Select(f => f.Id));
    }

    [Fact]
    public void The_red_team_finds_the_group_wildcard_not_the_main_pin()
    {
        var lines = Corpus.FindingLines(Corpus.Load("terraform-provider-aws"));

        Assert.Contains($"group-member-can-assume {AnyAcme}", lines);
        Assert.Contains($"developer-branch-can-assume {AnyAcme}", lines);
        Assert.DoesNotContain($"developer-branch-can-assume {Deploy}", lines);
        Assert.DoesNotContain($"group-member-can-assume {Deploy}", lines);
    }
}
