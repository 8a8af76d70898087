using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>IAM v1 REST responses (a live read's shapes) and gcloud's.</summary>
public sealed class IamRestShapesTests
{
    [Fact]
    public void Every_page_given_is_read_and_the_first_says_there_are_more()
    {
        var trust = Corpus.Load("iam-v1-rest");

        Assert.Equal(["gitlab", "legacy"], trust.Pools.Select(p => p.PoolId).Order(StringComparer.Ordinal));
        Assert.Equal(ResourceState.Deleted, Assert.Single(trust.Pools, p => p.PoolId == "legacy").State);
        Assert.True(Assert.Single(trust.Providers, p => p.ProviderId == "gitlab-old").Disabled);
        Assert.Equal(2, trust.Notes.Count(n => n.Contains("page 1 of more", StringComparison.Ordinal)));
        Assert.Contains(trust.Notes, n => n.Contains("pools-list-page-1.json ($.nextPageToken)", StringComparison.Ordinal));
        Assert.DoesNotContain(trust.Notes, n => n.Contains("page-2", StringComparison.Ordinal));

        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.Token(Corpus.GcpAudience))[Corpus.Deployer]);
        Assert.Contains($"service-account-key-beside-federation {Corpus.Deployer}", Corpus.FindingLines(trust));
        Assert.Single(trust.StaticCredentials); // the SYSTEM_MANAGED key is Google's own
    }

    [Fact]
    public void A_gcloud_list_and_a_policy_named_by_a_manifest_decide_the_account()
    {
        var trust = Corpus.Load("iam-v1-rest/gcloud-providers-list.json", "iam-v1-rest/sa-iam-policy.json", "iam-v1-rest/keyless-manifest.json");

        Assert.Equal(2, trust.Providers.Count);
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.Token(Corpus.GcpAudience))[Corpus.Deployer]);
        Assert.Equal(Verdict.Deny, Corpus.Decisions(trust, Corpus.Token(Corpus.GcpAudience, ("project_id", "4343")))[Corpus.Deployer]);
    }
}
