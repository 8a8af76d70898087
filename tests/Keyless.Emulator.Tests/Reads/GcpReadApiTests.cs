using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Tests.Reads;

public sealed class GcpReadApiTests
{
    private const string Pools = "/v1/projects/acme-prod/locations/global/workloadIdentityPools";

    public sealed class Pools_and_providers
    {
        [Fact]
        public async Task Are_named_by_project_number_whichever_key_the_request_uses()
        {
            using var harness = new CoreHarness(ReadFixtures.GcpWithKeys());
            var bearer = "Bearer " + await harness.ReaderTokenAsync("gcp");
            var (status, body) = await harness.SendAsync("GET", Pools, authorization: bearer);
            Assert.Equal(200, status);
            var pool = body["workloadIdentityPools"]!.AsArray().Single()!;
            Assert.Equal("projects/123456789/locations/global/workloadIdentityPools/gitlab", pool["name"]!.GetValue<string>());
            Assert.Equal("ACTIVE", pool["state"]!.GetValue<string>());
            Assert.Null(pool["disabled"]);

            var (_, providers) = await harness.SendAsync("GET", "/v1/projects/123456789/locations/global/workloadIdentityPools/gitlab/providers", authorization: bearer);
            var provider = providers["workloadIdentityPoolProviders"]!.AsArray().Single()!;
            Assert.Equal("https://gitlab.com", provider["oidc"]!["issuerUri"]!.GetValue<string>());
            Assert.Null(providers["nextPageToken"]);
        }

        [Fact]
        public async Task Page_with_next_page_token_and_refuse_a_token_they_did_not_give()
        {
            var providers = """
                {"workloadIdentityPoolProviders": [
                  {"name": "projects/123456789/locations/global/workloadIdentityPools/gitlab/providers/one", "oidc": {"issuerUri": "https://gitlab.com"}},
                  {"name": "projects/123456789/locations/global/workloadIdentityPools/gitlab/providers/two", "oidc": {"issuerUri": "https://gitlab.com"}}]}
                """;
            using var harness = new CoreHarness(TrustLoader.LoadText("providers.json", providers), configure: o => o with { MaxPageSize = 1 });
            var bearer = "Bearer " + await harness.ReaderTokenAsync("gcp");
            var path = "/v1/projects/123456789/locations/global/workloadIdentityPools/gitlab/providers";
            var (_, first) = await harness.SendAsync("GET", path, authorization: bearer);
            var token = first["nextPageToken"]!.GetValue<string>();
            var (_, second) = await harness.SendAsync("GET", $"{path}?pageToken={token}", authorization: bearer);
            Assert.Null(second["nextPageToken"]);
            Assert.Single(first["workloadIdentityPoolProviders"]!.AsArray());
            Assert.Single(second["workloadIdentityPoolProviders"]!.AsArray());

            var (status, bad) = await harness.SendAsync("GET", $"{path}?pageToken=not-ours", authorization: bearer);
            Assert.Equal(400, status);
            Assert.Equal("INVALID_ARGUMENT", bad["error"]!["status"]!.GetValue<string>());
        }
    }

    public sealed class Service_accounts
    {
        [Fact]
        public async Task List_their_policies_and_keys_as_IAM_does()
        {
            using var harness = new CoreHarness(ReadFixtures.GcpWithKeys());
            var bearer = "Bearer " + await harness.ReaderTokenAsync("gcp");
            var (_, list) = await harness.SendAsync("GET", "/v1/projects/acme-prod/serviceAccounts", authorization: bearer);
            var account = list["accounts"]!.AsArray().Single()!;
            Assert.Equal(ReadFixtures.KeysAccount, account["email"]!.GetValue<string>());
            Assert.Equal($"projects/acme-prod/serviceAccounts/{ReadFixtures.KeysAccount}", account["name"]!.GetValue<string>());

            // gcloud names the project '-' and the account by email.
            var (status, policy) = await harness.SendAsync("POST", $"/v1/projects/-/serviceAccounts/{ReadFixtures.KeysAccount}:getIamPolicy", "{}", "application/json", bearer);
            Assert.Equal(200, status);
            Assert.Equal("roles/iam.workloadIdentityUser", policy["bindings"]![0]!["role"]!.GetValue<string>());

            var (_, keys) = await harness.SendAsync("GET", $"/v1/projects/-/serviceAccounts/{ReadFixtures.KeysAccount}/keys", authorization: bearer);
            var types = keys["keys"]!.AsArray().Select(k => k!["keyType"]!.GetValue<string>()).ToArray();
            Assert.Equal(["SYSTEM_MANAGED", "USER_MANAGED"], types);
            Assert.EndsWith("/keys/1f2e3d4c5b6a79880716253443526170abcdef01", keys["keys"]![1]!["name"]!.GetValue<string>(), StringComparison.Ordinal);

            var (_, userKeys) = await harness.SendAsync("GET", $"/v1/projects/-/serviceAccounts/{ReadFixtures.KeysAccount}/keys?keyTypes=USER_MANAGED", authorization: bearer);
            Assert.Single(userKeys["keys"]!.AsArray());
        }

        [Fact]
        public async Task Served_responses_load_as_the_same_trust()
        {
            using var harness = new CoreHarness(ReadFixtures.GcpWithKeys());
            var bearer = "Bearer " + await harness.ReaderTokenAsync("gcp");
            var (_, keys) = await harness.SendAsync("GET", $"/v1/projects/-/serviceAccounts/{ReadFixtures.KeysAccount}/keys", authorization: bearer);
            var (_, providers) = await harness.SendAsync("GET", Pools + "/gitlab/providers", authorization: bearer);

            var keyTrust = TrustLoader.LoadText("keys.json", keys.ToJsonString());
            Assert.Single(keyTrust.StaticCredentials);
            var providerTrust = TrustLoader.LoadText("providers.json", providers.ToJsonString());
            Assert.Equal(ReadFixtures.GcpWithKeys().Providers.Single().AttributeCondition, providerTrust.Providers.Single().AttributeCondition);
        }
    }

    public sealed class Resource_manager
    {
        [Fact]
        public async Task Gives_the_project_number_and_policy()
        {
            using var harness = new CoreHarness(ReadFixtures.GcpWithKeys());
            var bearer = "Bearer " + await harness.ReaderTokenAsync("gcp");
            var (_, project) = await harness.SendAsync("GET", "/v1/projects/acme-prod", authorization: bearer);
            Assert.Equal("123456789", project["projectNumber"]!.GetValue<string>());
            Assert.Equal("ACTIVE", project["lifecycleState"]!.GetValue<string>());
            var (status, policy) = await harness.SendAsync("POST", "/v1/projects/acme-prod:getIamPolicy", "{}", "application/json", bearer);
            Assert.Equal(200, status);
            Assert.Equal("ACAB", policy["etag"]!.GetValue<string>());
            Assert.Equal(1, harness.Core.ReadCalls["cloudresourcemanager"] - 1);
        }
    }

    public sealed class Refusals
    {
        [Fact]
        public async Task Without_a_token_are_401_and_an_unknown_project_is_403_naming_the_permission()
        {
            using var harness = new CoreHarness(ReadFixtures.GcpWithKeys());
            var (status, body) = await harness.SendAsync("GET", Pools);
            Assert.Equal(401, status);
            Assert.Equal("UNAUTHENTICATED", body["error"]!["status"]!.GetValue<string>());

            var bearer = "Bearer " + await harness.ReaderTokenAsync("gcp");
            (status, body) = await harness.SendAsync("GET", "/v1/projects/other-project/serviceAccounts", authorization: bearer);
            Assert.Equal(403, status);
            Assert.Equal("iam.serviceAccounts.list", body["error"]!["details"]![0]!["metadata"]!["permission"]!.GetValue<string>());
        }

        [Fact]
        public async Task The_reader_endpoint_answers_only_this_machine()
        {
            using var harness = new CoreHarness(ReadFixtures.GcpWithKeys());
            var (status, _) = await harness.SendAsync("POST", "/-/keyless/reader-token", new JsonObject { ["api"] = "gcp" }.ToJsonString(), "application/json", loopback: false);
            Assert.Equal(403, status);
        }
    }
}
