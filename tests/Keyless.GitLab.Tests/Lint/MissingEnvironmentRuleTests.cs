using Keyless.GitLab.Lint;
using Keyless.Trust.Findings;
using static Keyless.GitLab.Tests.Lint.TrustRuleFixtures;

namespace Keyless.GitLab.Tests.Lint;

/// <summary><c>missing-environment</c>: jobs without environment: whose every reachable identity needs one.</summary>
public sealed class MissingEnvironmentRuleTests
{
    private const string Id = "missing-environment";
    private const string Aud = "//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com";
    private const string GcpLogin = "keyless login gcp --provider " + Aud + " --token-env GCP_ID_TOKEN --output gcp.json --service-account ";
    private const string AzureLogin = "keyless login azure --tenant 72f988bf-0000-4000-8000-000000000001 --token-env AZURE_ID_TOKEN --env-file azure.env --client-id ";

    [Fact]
    public void Should_Stay_Silent_Without_Trust_Inputs()
    {
        Assert.Empty(FindingsOf(Job("deploy", "GCP_ID_TOKEN", Aud, GcpLogin + "deploy@acme-prod.iam.gserviceaccount.com"), LintOptions.Default, Id));
    }

    [Fact]
    public void Should_Name_The_Service_Account_And_What_Its_Provider_Reads()
    {
        var finding = Assert.Single(FindingsOf(Job("deploy", "GCP_ID_TOKEN", Aud, GcpLogin + "deploy@acme-prod.iam.gserviceaccount.com"), WithTrust(Id), Id));

        Assert.Equal(1, finding.Location.Line);
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Equal("deploy@acme-prod.iam.gserviceaccount.com", finding.Identity);
        Assert.Contains("assertion.environment", finding.Message, StringComparison.Ordinal);
        Assert.Contains("main.tf.json", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Decide_Per_Identity_When_The_Condition_Pins_An_Environment_For_One_Project_Only()
    {
        // The same provider admits project 4343 without an environment; its service account's job is fine.
        Assert.Empty(FindingsOf(Job("terraform", "GCP_ID_TOKEN", Aud, GcpLogin + "terraform@acme-prod.iam.gserviceaccount.com"), WithTrust(Id), Id));
    }

    [Fact]
    public void Should_Stay_Silent_When_The_Job_Names_No_Identity_And_One_Behind_The_Aud_Needs_No_Environment()
    {
        Assert.Empty(FindingsOf(Job("gcp", "GCP_ID_TOKEN", Aud, "gcloud auth login --cred-file=gcp.json"), WithTrust(Id), Id));
    }

    [Fact]
    public void Should_Suggest_The_Tier_An_Azure_Subject_Pins()
    {
        var finding = Assert.Single(FindingsOf(Job("deploy", "AZURE_ID_TOKEN", "api://AzureADTokenExchange", AzureLogin + "11111111-1111-4111-8111-111111111111"), WithTrust(Id), Id));

        Assert.Contains("deployment_tier: production", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("environment_protected:true", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Accept_An_Environment_Given_As_A_Plain_Name()
    {
        var yaml = Job("deploy", "GCP_ID_TOKEN", Aud, GcpLogin + "deploy@acme-prod.iam.gserviceaccount.com", extra: "  environment: production\n");

        Assert.Empty(FindingsOf(yaml, WithTrust(Id), Id));
    }
}
