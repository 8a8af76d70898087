using Keyless.Trust.Identities;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>terraform-provider-google 5.x–7.x: states, a raw state, a plan and a .tf.json with a data source.</summary>
public sealed class GoogleProviderShapesTests
{
    private const string Direct = "principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/attribute.project_path/acme/payments on projects/acme-prod";

    [Theory]
    [InlineData("5.x/state.json")]
    [InlineData("6.x/state.json")]
    [InlineData("6.x/terraform.tfstate")]
    [InlineData("7.x/state.json")]
    public void A_state_decides_every_binding_kind_and_finds_the_key(string file)
    {
        var trust = Corpus.Load("terraform-provider-google/" + file);

        var main = Corpus.Decisions(trust, Corpus.Token(Corpus.GcpAudience));
        Assert.Equal(Verdict.Allow, main[Corpus.Deployer]); // google_service_account_iam_member, principalSet by project id
        Assert.Equal(Verdict.Allow, main["terraform@acme-prod.iam.gserviceaccount.com"]); // _iam_binding, principal by subject
        Assert.Equal(Verdict.Allow, main["reader@acme-prod.iam.gserviceaccount.com"]); // _iam_policy's policy_data
        Assert.Equal(Verdict.Allow, main[Direct]); // google_project_iam_member

        // The provider's condition pins project 4242 and protected refs.
        var other = Corpus.Decisions(trust, Corpus.Token(Corpus.GcpAudience, ("project_id", "4343"), ("project_path", "acme/other")));
        Assert.All(other.Values, verdict => Assert.Equal(Verdict.Deny, verdict));
        var unprotected = Corpus.Decisions(trust, Corpus.Token(Corpus.GcpAudience, ("ref", "feature"), ("ref_path", "refs/heads/feature"), ("ref_protected", "false")));
        Assert.Equal(Verdict.Deny, unprotected[Corpus.Deployer]);

        Assert.Contains($"service-account-key-beside-federation {Corpus.Deployer}", Corpus.FindingLines(trust));
        Assert.Empty(trust.Unrecognized);
        Assert.Equal("123456789012", trust.GcpProjectNumbers["acme-prod"]);
    }

    [Fact]
    public void Seven_x_pool_attributes_the_trust_does_not_read_are_tolerated()
    {
        var trust = Corpus.Load("terraform-provider-google/7.x/state.json");

        var pool = Assert.Single(trust.Pools);
        Assert.Equal("gitlab", pool.PoolId);
        Assert.False(pool.Disabled);
    }

    [Fact]
    public void A_plan_links_a_binding_to_the_account_its_configuration_references()
    {
        var trust = Corpus.Load("terraform-provider-google/7.x/plan.json");

        var decisions = Corpus.Decisions(trust, Corpus.Token(Corpus.GcpAudience));
        Assert.Equal(Verdict.Allow, decisions[Corpus.Deployer]);
    }

    [Fact]
    public void A_tf_json_data_source_names_the_existing_account()
    {
        var trust = Corpus.Load("terraform-provider-google/6.x/main.tf.json");

        var decisions = Corpus.Decisions(trust, Corpus.Token(Corpus.GcpAudience));
        Assert.Equal(Verdict.Allow, Assert.Single(decisions, d => d.Key == "ci-existing@acme-prod.iam.gserviceaccount.com").Value);
    }
}
