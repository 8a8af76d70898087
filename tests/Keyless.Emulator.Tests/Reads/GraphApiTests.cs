using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Tests.Reads;

public sealed class GraphApiTests
{
    private const string AppObjectId = "0b2d4e6f-2222-4c5d-8e9f-0123456789ab";

    public sealed class Applications
    {
        [Fact]
        public async Task List_with_select_and_page_by_next_link()
        {
            using var harness = new CoreHarness(ReadFixtures.Examples("azure-hardened-graph", "azure-vulnerable-flexible-any-branch-tf"), configure: o => o with { MaxPageSize = 1 });
            var bearer = "Bearer " + await harness.ReaderTokenAsync("graph", "tenant-1");
            var (status, first) = await harness.SendAsync("GET", "/graph/v1.0/applications?$select=id,appId,displayName,passwordCredentials", authorization: bearer);
            Assert.Equal(200, status);
            var app = first["value"]![0]!.AsObject();
            Assert.Equal(["id", "appId", "displayName", "passwordCredentials"], app.Select(p => p.Key));
            var next = new Uri(first["@odata.nextLink"]!.GetValue<string>());
            var (_, second) = await harness.SendAsync("GET", next.PathAndQuery, authorization: bearer);
            Assert.Single(second["value"]!.AsArray());
            Assert.Null(second["@odata.nextLink"]);
        }

        [Fact]
        public async Task Credentials_in_beta_carry_the_claims_matching_expression_and_load_as_the_same_trust()
        {
            using var harness = new CoreHarness(ReadFixtures.Example("azure-vulnerable-flexible-any-branch"));
            var bearer = "Bearer " + await harness.ReaderTokenAsync("graph", "tenant-1");
            var (_, beta) = await harness.SendAsync("GET", $"/graph/beta/applications/{AppObjectId}/federatedIdentityCredentials", authorization: bearer);
            var (_, v1) = await harness.SendAsync("GET", $"/graph/v1.0/applications/{AppObjectId}/federatedIdentityCredentials", authorization: bearer);
            Assert.StartsWith("claims['sub'] matches", beta["value"]![0]!["claimsMatchingExpression"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Null(v1["value"]![0]!["claimsMatchingExpression"]);

            var loaded = TrustLoader.LoadText("fics.json", beta.ToJsonString());
            var credential = loaded.AzureIdentities.Single().Credentials.Single();
            Assert.Equal(AppObjectId, loaded.AzureIdentities.Single().ObjectId);
            Assert.True(credential.IsFlexible);
        }

        // az ad app federated-credential list --id APPID first finds the application with $filter=appId eq '…'.
        [Fact]
        public async Task Are_filtered_by_app_id_as_az_asks_and_an_unsupported_filter_is_a_400()
        {
            using var harness = new CoreHarness(ReadFixtures.Examples("azure-hardened-graph", "azure-vulnerable-flexible-any-branch-tf"));
            var bearer = "Bearer " + await harness.ReaderTokenAsync("graph", "tenant-1");
            var (status, found) = await harness.SendAsync("GET", "/graph/v1.0/applications?$filter=" + Uri.EscapeDataString("appId eq '7f3c1b2a-1111-4a2b-9c3d-0123456789ab'"), authorization: bearer);
            Assert.Equal(200, status);
            Assert.Equal(AppObjectId, Assert.Single(found["value"]!.AsArray())!["id"]!.GetValue<string>());

            (status, var error) = await harness.SendAsync("GET", "/graph/v1.0/applications?$filter=" + Uri.EscapeDataString("startswith(displayName,'ci')"), authorization: bearer);
            Assert.Equal(400, status);
            Assert.Equal("Request_UnsupportedQuery", error["error"]!["code"]!.GetValue<string>());
        }

        [Fact]
        public async Task Are_found_by_app_id_and_refuse_a_missing_token()
        {
            using var harness = new CoreHarness(ReadFixtures.Example("azure-hardened-graph"));
            var bearer = "Bearer " + await harness.ReaderTokenAsync("graph", "tenant-1");
            var (status, app) = await harness.SendAsync("GET", "/v1.0/applications(appId='7f3c1b2a-1111-4a2b-9c3d-0123456789ab')", authorization: bearer);
            Assert.Equal(200, status);
            Assert.Equal(AppObjectId, app["id"]!.GetValue<string>());
            (status, var error) = await harness.SendAsync("GET", "/graph/v1.0/applications");
            Assert.Equal(401, status);
            Assert.Equal("InvalidAuthenticationToken", error["error"]!["code"]!.GetValue<string>());
        }
    }
}
