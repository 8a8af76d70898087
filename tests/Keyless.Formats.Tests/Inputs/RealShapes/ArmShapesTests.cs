using Keyless.Trust.Identities;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>ARM REST responses and Bicep-compiled deployment templates (languageVersion 1 and 2.0).</summary>
public sealed class ArmShapesTests
{
    [Theory]
    [InlineData("arm/template-bicep.json", "$.resources[1]")]
    [InlineData("arm/template-bicep-symbolic.json", "$.resources['uai::gitlabMain']")]
    public void A_child_named_by_format_belongs_to_the_parameter_named_identity(string file, string credentialPath)
    {
        var trust = Corpus.Load(file);

        var identity = Assert.Single(trust.AzureIdentities);
        Assert.Equal("id-payments-infra", identity.Name); // the parameter's default value
        var credential = Assert.Single(identity.Credentials);
        Assert.Equal("gitlab-payments-infra-main", credential.Name);
        Assert.Equal(credentialPath, credential.Source.JsonPath);
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.InfraToken())[identity.DisplayName]);
    }

    [Fact]
    public void Rest_lists_are_read_and_a_next_link_is_a_page_of_more()
    {
        var trust = Corpus.Load("arm/identities-list.json", "arm/federated-credentials-list.json");

        var identity = Assert.Single(trust.AzureIdentities);
        Assert.Equal(2, identity.Credentials.Count);
        Assert.Equal(2, trust.Notes.Count(n => n.Contains("($.nextLink): page 1 of more", StringComparison.Ordinal)));
        var tag = Corpus.InfraToken(("ref", "v2.0.0"), ("ref_type", "tag"), ("ref_path", "refs/tags/v2.0.0"));
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, tag)[identity.DisplayName]);
    }

    [Fact]
    public void A_flexible_credential_get_names_its_identity_by_its_id()
    {
        var trust = Corpus.Load("arm/identity.json", "arm/federated-credential-flexible.json");

        Assert.Single(Assert.Single(trust.AzureIdentities).Credentials);
        Assert.Empty(trust.Notes);
    }
}
