using Keyless.Formats.Inputs;

namespace Keyless.Emulator.Tests.Reads;

public sealed class ArmIdentitiesApiTests
{
    private const string Subscription = "00000000-0000-4000-8000-000000000000";

    public sealed class Identities
    {
        [Fact]
        public async Task List_by_subscription_with_their_credentials()
        {
            using var harness = new CoreHarness(ReadFixtures.Example("azure-hardened-managed-identity"));
            var bearer = "Bearer " + await harness.ReaderTokenAsync("arm", "11111111-2222-4333-8444-555555555555");
            var (status, list) = await harness.SendAsync("GET", $"/arm/subscriptions/{Subscription}/providers/Microsoft.ManagedIdentity/userAssignedIdentities?api-version=2025-01-31-preview", authorization: bearer);
            Assert.Equal(200, status);
            var identity = list["value"]!.AsArray().Single()!;
            Assert.Equal("5e6f7a8b-3333-4d4e-9f0a-0123456789ab", identity["properties"]!["clientId"]!.GetValue<string>());
            var id = identity["id"]!.GetValue<string>();

            var (_, credentials) = await harness.SendAsync("GET", $"/arm{id}/federatedIdentityCredentials?api-version=2025-01-31-preview", authorization: bearer);
            Assert.Equal("project_id:4242:ref_type:branch:ref:main", credentials["value"]![0]!["properties"]!["subject"]!.GetValue<string>());

            var loaded = TrustLoader.LoadText("fics.json", credentials.ToJsonString());
            Assert.Equal("id-ci", loaded.AzureIdentities.Single().Name);
        }

        [Fact]
        public async Task Need_an_api_version()
        {
            using var harness = new CoreHarness(ReadFixtures.Example("azure-hardened-managed-identity"));
            var bearer = "Bearer " + await harness.ReaderTokenAsync("arm");
            var (status, error) = await harness.SendAsync("GET", $"/subscriptions/{Subscription}/providers/Microsoft.ManagedIdentity/userAssignedIdentities", authorization: bearer);
            Assert.Equal(400, status);
            Assert.Equal("MissingApiVersionParameter", error["error"]!["code"]!.GetValue<string>());
        }
    }
}
