using Keyless.Trust.Identities;
using Keyless.Trust.Model;

namespace Keyless.Formats.Tests.Inputs.RealShapes;

/// <summary>terraform-provider-azuread 2.x–3.x states and a .tf.json naming an existing application by a data source.</summary>
public sealed class AzureadProviderShapesTests
{
    [Theory]
    [InlineData("2.x")]
    [InlineData("3.x")]
    public void The_application_is_decided_and_its_inline_password_is_a_secret_beside_federation(string version)
    {
        var trust = Corpus.Load($"terraform-provider-azuread/{version}/state.json");

        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.Token(Corpus.AzureAudience))[Corpus.CiDeployer]);
        Assert.Equal(Verdict.Deny, Corpus.Decisions(trust, Corpus.Token(Corpus.AzureAudience, ("ref", "feature"), ("ref_path", "refs/heads/feature"), ("ref_protected", "false")))[Corpus.CiDeployer]);

        // The inline password block (azuread 2.53+) and the azuread_application_password resource: two secrets.
        var secrets = trust.StaticCredentials.Where(s => s.Kind == StaticCredentialKind.AzureClientSecret).ToArray();
        Assert.Equal(2, secrets.Length);
        Assert.Contains(secrets, s => s.DisplayName == "legacy-ci" && s.Source.JsonPath!.EndsWith(".password[0]", StringComparison.Ordinal));
        Assert.Equal(2, Corpus.FindingLines(trust).Count(line => line == $"client-secret-beside-federation {Corpus.CiDeployer}"));

        // The data source of an existing application is context: no credential names it, so it is no identity.
        Assert.DoesNotContain(trust.AzureIdentities, i => i.ClientId == "11111111-2222-4333-8444-555566667777");
    }

    [Fact]
    public void Three_x_flexible_credential_admits_the_branches_its_expression_matches()
    {
        var trust = Corpus.Load("terraform-provider-azuread/3.x/state.json");

        var release = Corpus.Token(Corpus.AzureAudience, ("ref", "release/1.4"), ("ref_path", "refs/heads/release/1.4"));
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, release)[Corpus.CiDeployer]);
    }

    [Fact]
    public void A_tf_json_credential_on_a_data_source_application_gets_the_data_source_s_client_id()
    {
        var trust = Corpus.Load("terraform-provider-azuread/3.x/main.tf.json");

        var identity = Assert.Single(trust.AzureIdentities);
        Assert.Equal("11111111-2222-4333-8444-555566667777", identity.ClientId);
        Assert.Equal("data.azuread_application.existing", identity.TerraformAddress);
        Assert.Equal(Verdict.Allow, Corpus.Decisions(trust, Corpus.Token(Corpus.AzureAudience))[identity.DisplayName]);
        Assert.Empty(trust.Notes);
    }
}
