using Keyless.Trust.Identities;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>CloudFormation templates in JSON and YAML: the provider, a pinned role, a group-wide role, an EC2 service role.</summary>
public sealed class CloudFormationShapesTests
{
    private const string Deploy = "role 'gitlab-deploy'";
    private const string AnyAcme = "role 'gitlab-acme-any'";

    [Fact]
    public void Both_formats_decide_and_the_service_role_is_no_federated_identity()
    {
        var trust = Corpus.Load("cloudformation");

        Assert.Equal(["RootRole", "gitlab-acme-any", "gitlab-deploy"], trust.AwsRoles.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(trust.AwsRoles, r => Assert.Empty(r.Unknown));
        Assert.False(trust.AwsRoles.Single(r => r.Name == "RootRole").TrustsFederation);

        var main = Corpus.Decisions(trust, Corpus.Token("https://gitlab.com"));
        Assert.Equal([AnyAcme, Deploy], main.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Verdict.Allow, main[Deploy]);
        Assert.Equal(Verdict.Allow, main[AnyAcme]);

        var feature = Corpus.Decisions(trust, Corpus.Token("https://gitlab.com", ("ref", "feature"), ("ref_path", "refs/heads/feature")));
        Assert.Equal(Verdict.Deny, feature[Deploy]);
        Assert.Equal(Verdict.Allow, feature[AnyAcme]);

        var tag = Corpus.Decisions(trust, Corpus.Token("https://gitlab.com", ("ref_type", "tag"), ("ref", "v1"), ("ref_path", "refs/tags/v1")));
        Assert.Equal(Verdict.Deny, tag[AnyAcme]);
    }

    [Fact]
    public void The_yaml_role_trusts_the_provider_its_condition_creates()
    {
        var role = Corpus.Load("cloudformation/gitlab-acme-any.yaml").AwsRoles.Single();

        var statement = Assert.Single(role.Statements);
        Assert.Equal(["arn:aws:iam:::oidc-provider/gitlab.com"], statement.Federated);
        Assert.Equal("StringLike gitlab.com:sub 'project_path:acme/*:ref_type:branch:ref:*'", Assert.Single(statement.Conditions).ToString());
    }

    [Fact]
    public void The_red_team_finds_the_group_wildcard_in_the_yaml_template()
    {
        var lines = Corpus.FindingLines(Corpus.Load("cloudformation"));

        Assert.Contains($"group-member-can-assume {AnyAcme}", lines);
        Assert.DoesNotContain($"group-member-can-assume {Deploy}", lines);
    }
}
