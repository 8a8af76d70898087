using System.Text.Json.Nodes;
using Keyless.Login.Gcp;
using Keyless.Login.Tests.Infrastructure;

namespace Keyless.Login.Tests.Gcp;

public sealed class CredentialConfigurationTests
{
    private static readonly GcpProviderName Provider = GcpProviderName.Parse(TestTrust.StsAudience);
    private static readonly Uri Sts = new("https://sts.googleapis.com/v1/token");
    private static readonly Uri Iam = new("https://iamcredentials.googleapis.com/v1");

    public sealed class Render
    {
        [Fact]
        public void Should_Write_What_Gcloud_Create_Cred_Config_Writes()
        {
            var config = CredentialConfiguration.Build(Provider, TestTrust.ServiceAccount, "/builds/acme/payments/.id_token", Sts, Iam, 3600);

            // gcloud iam workload-identity-pools create-cred-config … --service-account-token-lifetime-seconds=3600
            // --credential-source-file=… --credential-source-type=text (cloud-semantics A10.1), json.dumps(indent=2).
            const string Gcloud = """
                {
                  "universe_domain": "googleapis.com",
                  "type": "external_account",
                  "audience": "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com",
                  "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
                  "token_url": "https://sts.googleapis.com/v1/token",
                  "credential_source": {
                    "file": "/builds/acme/payments/.id_token",
                    "format": {
                      "type": "text"
                    }
                  },
                  "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com:generateAccessToken",
                  "service_account_impersonation": {
                    "token_lifetime_seconds": 3600
                  }
                }

                """;
            Assert.Equal(Gcloud, CredentialConfiguration.Render(config));
        }
    }

    public sealed class Build
    {
        [Fact]
        public void Should_Leave_Out_The_Lifetime_Block_Unless_Asked_As_Gcloud_Does()
        {
            var config = CredentialConfiguration.Build(Provider, TestTrust.ServiceAccount, "/t", Sts, Iam, null);

            Assert.False(config.ContainsKey("service_account_impersonation"));
            Assert.True(config.ContainsKey("service_account_impersonation_url"));
        }

        [Fact]
        public void Should_Name_The_Introspection_Endpoint_Without_A_Service_Account()
        {
            var config = CredentialConfiguration.Build(Provider, null, "/t", new Uri("https://127.0.0.1:8443/v1/token"), Iam, null);

            Assert.Equal("https://127.0.0.1:8443/v1/introspect", config["token_info_url"]!.GetValue<string>());
            Assert.False(config.ContainsKey("service_account_impersonation_url"));
        }

        [Fact]
        public void Should_Point_Every_Url_At_The_Given_Endpoints_And_The_File_By_Full_Path()
        {
            var config = CredentialConfiguration.Build(Provider, TestTrust.ServiceAccount, "relative.jwt",
                new Uri("https://127.0.0.1:8443/v1/token"), new Uri("https://127.0.0.1:8443/v1/"), null);

            Assert.Equal("https://127.0.0.1:8443/v1/token", config["token_url"]!.GetValue<string>());
            Assert.Equal($"https://127.0.0.1:8443/v1/projects/-/serviceAccounts/{TestTrust.ServiceAccount}:generateAccessToken",
                config["service_account_impersonation_url"]!.GetValue<string>());
            Assert.Equal(Path.GetFullPath("relative.jwt"), ((JsonObject)config["credential_source"]!)["file"]!.GetValue<string>());
        }
    }
}
