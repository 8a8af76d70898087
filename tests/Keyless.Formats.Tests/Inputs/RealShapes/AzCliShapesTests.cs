using Keyless.Trust.Identities;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>Azure CLI output: az ad app federated-credential list, az identity federated-credential list, az identity show.</summary>
public sealed class AzCliShapesTests
{
    [Fact]
    public void The_app_list_named_by_a_manifest_and_the_flattened_identity_lists_decide()
    {
        var trust = Corpus.Load("az-cli");

        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.Token(Corpus.AzureAudience))[Corpus.CiDeployer]);

        var infra = Assert.Single(trust.AzureIdentities, i => i.Name == "id-payments-infra");
        Assert.Equal("33333333-3333-4333-8333-333333333333", infra.ClientId);
        Assert.Equal(2, infra.Credentials.Count);
        var tag = Corpus.InfraToken(("ref", "v2.0.0"), ("ref_type", "tag"), ("ref_path", "refs/tags/v2.0.0"));
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, tag)[infra.DisplayName]); // the flattened claimsMatchingExpression
    }
}
