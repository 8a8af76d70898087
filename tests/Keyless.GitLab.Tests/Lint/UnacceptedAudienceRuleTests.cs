using Keyless.GitLab.Lint;
using Keyless.Trust.Findings;
using static Keyless.GitLab.Tests.Lint.TrustRuleFixtures;

namespace Keyless.GitLab.Tests.Lint;

/// <summary><c>unaccepted-audience</c>: each aud against the trust given with <c>--trust</c>, through the engine's own STS exchange.</summary>
public sealed class UnacceptedAudienceRuleTests
{
    private const string Id = "unaccepted-audience";
    private const string Provider = "//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/gitlab/providers";
    private const string GcpLogin = "keyless login gcp --provider " + Provider + "/gitlab-com --service-account deploy@acme-prod.iam.gserviceaccount.com --token-env GCP_ID_TOKEN --output gcp.json";
    private const string AzureLogin = "keyless login azure --tenant 72f988bf-0000-4000-8000-000000000001 --client-id 11111111-1111-4111-8111-111111111111 --token-env AZURE_ID_TOKEN --env-file azure.env";

    [Fact]
    public void Should_Stay_Silent_Without_Trust_Inputs()
    {
        var findings = FindingsOf(Job("deploy", "GCP_ID_TOKEN", Provider + "/nowhere", GcpLogin), LintOptions.Default, Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Should_Give_The_Engines_Reason_And_The_Audiences_The_Trust_Accepts()
    {
        var finding = Assert.Single(FindingsOf(Job("deploy", "GCP_ID_TOKEN", Provider + "/custom-audience", GcpLogin), WithTrust(Id), Id));

        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(4, finding.Location.Line);
        Assert.Equal("deploy.id_tokens.GCP_ID_TOKEN.aud", finding.Location.Path);
        // The STS exchange's own words: an explicit allowedAudiences list replaces the default audience.
        Assert.Contains("allows only", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'https://gcp.acme.example/wif' (provider custom-audience)", finding.Fix, StringComparison.Ordinal);
        // The fixture's Terraform names the project by id only: the default audience needs its number.
        Assert.Contains("'//iam.googleapis.com/projects/NUMBER-OF-acme-prod/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com' (provider gitlab-com, its default audience)", finding.Fix, StringComparison.Ordinal);
        // A GCP job's token is judged against GCP only, and the fix names only GCP audiences.
        Assert.DoesNotContain("AzureADTokenExchange", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Fill_In_Pipeline_Variables_And_Show_The_Value()
    {
        var yaml = "variables:\n  AUD: " + Provider + "/gitlab-co\n" + Job("deploy", "GCP_ID_TOKEN", "$AUD", GcpLogin);

        var finding = Assert.Single(FindingsOf(yaml, WithTrust(Id), Id));

        Assert.Contains($"'$AUD' ({Provider}/gitlab-co)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Say_When_A_Variable_Could_Not_Be_Resolved()
    {
        var finding = Assert.Single(FindingsOf(Job("deploy", "GCP_ID_TOKEN", "${WIF_AUDIENCE}", GcpLogin), WithTrust(Id), Id));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(Confidence.Likely, finding.Confidence);
        Assert.Contains("could not be resolved: WIF_AUDIENCE", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Judge_A_Token_For_A_Cloud_The_Inputs_Say_Nothing_About()
    {
        // Only the GCP half of the fixture trust: an Azure job cannot be judged, a GCP job still can.
        var gcpOnly = WithTrust("missing-environment", "main.tf.json");

        Assert.Empty(FindingsOf(Job("azure", "AZURE_ID_TOKEN", "https://azure.acme.example", AzureLogin), gcpOnly, Id));
        Assert.Single(FindingsOf(Job("gcp", "GCP_ID_TOKEN", "https://gcp.acme.example", GcpLogin), gcpOnly, Id));
    }

    [Fact]
    public void Should_Compare_Azure_Audiences_Exactly()
    {
        var findings = FindingsOf(Job("azure", "AZURE_ID_TOKEN", "api://azureadtokenexchange", AzureLogin), WithTrust(Id), Id);

        Assert.Single(findings);
    }
}
