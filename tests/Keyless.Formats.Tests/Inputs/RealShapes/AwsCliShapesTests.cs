using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>AWS CLI output: iam get-role, list-roles, get-open-id-connect-provider, list-open-id-connect-providers, list-access-keys.</summary>
public sealed class AwsCliShapesTests
{
    private const string Deploy = "role 'gitlab-deploy' (arn:aws:iam::111122223333:role/gitlab-deploy)";
    private const string AnyAcme = "role 'gitlab-acme-any' (arn:aws:iam::111122223333:role/gitlab-acme-any)";

    [Fact]
    public void The_decoded_trust_policies_and_the_provider_decide()
    {
        var trust = Corpus.Load("aws-cli");

        // get-role and list-roles both describe gitlab-deploy: one role.
        Assert.Equal(2, trust.AwsRoles.Count);
        var provider = Assert.Single(trust.AwsProviders);
        Assert.Equal("gitlab.com", provider.Url);
        Assert.Equal("arn:aws:iam::111122223333:oidc-provider/gitlab.com", provider.Arn); // linked from the list
        Assert.Equal(["https://gitlab.com"], provider.ClientIds);

        var main = Corpus.Decisions(trust, Corpus.Token("https://gitlab.com"));
        Assert.Equal(Verdict.Allow, main[Deploy]);
        Assert.Equal(Verdict.Allow, main[AnyAcme]);

        var branch = Corpus.Decisions(trust, Corpus.Token("https://gitlab.com", ("ref", "feature"), ("ref_path", "refs/heads/feature")));
        Assert.Equal(Verdict.Deny, branch[Deploy]);
        Assert.Equal(Verdict.Allow, branch[AnyAcme]);

        Assert.Equal(Verdict.Deny, Corpus.Decisions(trust, Corpus.Token("sts.amazonaws.com"))[Deploy]);
    }

    [Fact]
    public void List_access_keys_gives_the_users_static_keys()
    {
        var key = Assert.Single(Corpus.Load("aws-cli").StaticCredentials);
        Assert.Equal(StaticCredentialKind.AwsAccessKey, key.Kind);
        Assert.Equal("ci-legacy", key.Owner);
        Assert.Equal("Active", key.DisplayName);
        Assert.EndsWith("list-access-keys.json ($.AccessKeyMetadata[0])", key.Source.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_red_team_finds_the_group_wildcard_and_the_path_pin_with_realizable_witnesses()
    {
        var trust = Corpus.Load("aws-cli");
        var lines = Corpus.FindingLines(trust);

        // acme/* admits every project of the group, on any branch or tag; an exact path sub only a reclaimed path.
        Assert.Contains($"group-member-can-assume {AnyAcme}", lines);
        Assert.Contains($"developer-branch-can-assume {AnyAcme}", lines);
        Assert.Contains($"path-reclaimer-can-assume {Deploy}", lines);
        Assert.DoesNotContain($"developer-branch-can-assume {Deploy}", lines);
        Assert.DoesNotContain($"group-member-can-assume {Deploy}", lines);

        // Each witness is a token GitLab could mint that STS, as evaluated, admits; the fix is policy JSON.
        var group = Corpus.Findings(trust).First(f => f.Id == "group-member-can-assume");
        Assert.Contains("sub 'project_path:acme/", group.Message, StringComparison.Ordinal);
        Assert.Contains("\"gitlab.com:sub\": \"project_id:", group.Fix, StringComparison.Ordinal);
    }
}
