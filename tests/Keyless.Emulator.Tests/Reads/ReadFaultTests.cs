using System.Text.Json.Nodes;
using Keyless.Emulator.Reads;

namespace Keyless.Emulator.Tests.Reads;

public sealed class ReadFaultTests
{
    public sealed class Parse
    {
        [Theory]
        [InlineData("path=/serviceAccounts,status=429,retry-after=2,times=3", 429, false, 2, 3)]
        [InlineData("path=/protected_branches,drop", 0, true, null, 1)]
        [InlineData("path=acme-prod,status=403,times=0", 403, false, null, 0)]
        public void Reads_the_emulate_option(string spec, int status, bool drop, int? retryAfter, int times)
        {
            var (fault, error) = ReadFault.Parse(spec);
            Assert.Null(error);
            Assert.Equal((status, drop, retryAfter, times), (fault!.Status, fault.Drop, fault.RetryAfterSeconds, fault.Times));
        }

        [Theory]
        [InlineData("status=429")]
        [InlineData("path=x,status=200")]
        [InlineData("path=x")]
        [InlineData("path=x,status=500,drop")]
        [InlineData("path=x,colour=blue")]
        public void Refuses_what_it_cannot_play(string spec) => Assert.NotNull(ReadFault.Parse(spec).Error);
    }

    public sealed class Played
    {
        [Fact]
        public async Task Answer_in_the_apis_own_shape_then_let_requests_through()
        {
            using var harness = new CoreHarness(ReadFixtures.GcpWithKeys(), configure: o => o with
            {
                Faults =
                [
                    new ReadFault { PathContains = "/serviceAccounts", Status = 429, RetryAfterSeconds = 2, Times = 1 },
                    new ReadFault { PathContains = "/keys", Status = 403, Times = 0 },
                    new ReadFault { PathContains = "/workloadIdentityPools", Drop = true },
                ],
            });
            var bearer = "Bearer " + await harness.ReaderTokenAsync("gcp");
            var throttled = await harness.RawAsync("GET", "/v1/projects/acme-prod/serviceAccounts", authorization: bearer);
            Assert.Equal((429, "2"), (throttled.Status, throttled.Headers["Retry-After"]));
            Assert.Equal("RESOURCE_EXHAUSTED", JsonNode.Parse(throttled.Body)!["error"]!["status"]!.GetValue<string>());
            Assert.Equal(200, (await harness.RawAsync("GET", "/v1/projects/acme-prod/serviceAccounts", authorization: bearer)).Status);

            for (var i = 0; i < 2; i++)
            {
                var denied = await harness.RawAsync("GET", $"/v1/projects/-/serviceAccounts/{ReadFixtures.KeysAccount}/keys", authorization: bearer);
                Assert.Equal("iam.serviceAccountKeys.list", JsonNode.Parse(denied.Body)!["error"]!["details"]![0]!["metadata"]!["permission"]!.GetValue<string>());
            }

            var dropped = await harness.RawAsync("GET", "/v1/projects/acme-prod/locations/global/workloadIdentityPools", authorization: bearer);
            Assert.True(dropped.Drop);
            Assert.False((await harness.RawAsync("GET", "/v1/projects/acme-prod/locations/global/workloadIdentityPools", authorization: bearer)).Drop);
            Assert.Equal(6, harness.Core.ReadCalls["iam"]);
        }
    }
}
