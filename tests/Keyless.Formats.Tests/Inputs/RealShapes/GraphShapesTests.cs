using Keyless.Trust.Identities;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>Microsoft Graph v1.0 and beta responses.</summary>
public sealed class GraphShapesTests
{
    [Fact]
    public void Both_pages_are_read_the_first_says_there_are_more_and_the_password_is_found()
    {
        var trust = Corpus.Load("graph-v1.0");

        var app = Assert.Single(trust.AzureIdentities);
        Assert.Equal(["gitlab-main", "gitlab-tags"], app.Credentials.Select(c => c.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.Token(Corpus.AzureAudience))[Corpus.CiDeployer]);
        var tag = Corpus.Token(Corpus.AzureAudience, ("ref", "v1.4.0"), ("ref_type", "tag"), ("ref_path", "refs/tags/v1.4.0"));
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, tag)[Corpus.CiDeployer]); // from page 2

        Assert.Single(trust.Notes, n => n.Contains("federated-credentials-page-1.json ($['@odata.nextLink']): page 1 of more", StringComparison.Ordinal));
        Assert.Contains($"client-secret-beside-federation {Corpus.CiDeployer}", Corpus.FindingLines(trust));
    }

    [Fact]
    public void A_list_item_names_its_application_by_odata_id()
    {
        var trust = Corpus.Load("graph-v1.0/federated-credentials-odata-id.json", "graph-v1.0/application.json");

        Assert.Single(Assert.Single(trust.AzureIdentities).Credentials);
        Assert.Empty(trust.Notes);
    }

    [Fact]
    public void Beta_flexible_credentials_admit_the_branches_they_match()
    {
        var trust = Corpus.Load("graph-beta", "graph-v1.0/application.json");

        var release = Corpus.Token(Corpus.AzureAudience, ("ref", "release/1.4"), ("ref_path", "refs/heads/release/1.4"));
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, release)[Corpus.CiDeployer]);
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.Token(Corpus.AzureAudience))[Corpus.CiDeployer]);
    }
}
