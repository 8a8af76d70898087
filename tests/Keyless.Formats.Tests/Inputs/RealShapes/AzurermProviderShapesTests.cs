using Keyless.Trust.Identities;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>terraform-provider-azurerm 3.x–5.x: the credential's identity in parent_id, in both, in user_assigned_identity_id.</summary>
public sealed class AzurermProviderShapesTests
{
    private const string Uai = "/subscriptions/44444444-4444-4444-8444-444444444444/resourceGroups/rg-payments/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-payments-infra";

    [Theory]
    [InlineData("3.x")]
    [InlineData("4.x")]
    [InlineData("5.x")]
    public void The_credential_belongs_to_the_identity_whichever_attribute_names_it(string version)
    {
        var trust = Corpus.Load($"terraform-provider-azurerm/{version}/state.json");

        var identity = Assert.Single(trust.AzureIdentities);
        Assert.Equal("33333333-3333-4333-8333-333333333333", identity.ClientId);
        Assert.Single(identity.Credentials);
        Assert.Empty(trust.Notes);
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.InfraToken())[identity.DisplayName]);
    }

    [Fact]
    public void Five_x_credential_alone_names_its_identity_by_user_assigned_identity_id_not_an_invented_one()
    {
        var trust = Corpus.Load("terraform-provider-azurerm/5.x/credential-only-state.json");

        var identity = Assert.Single(trust.AzureIdentities);
        Assert.Equal("id-payments-infra", identity.Name);
        Assert.Equal(Uai, identity.ResourceId);
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.InfraToken())[identity.DisplayName]);
    }
}
