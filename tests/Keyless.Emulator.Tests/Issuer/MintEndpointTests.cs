using System.Text.Json.Nodes;

namespace Keyless.Emulator.Tests.Issuer;

public sealed class MintEndpointTests : IDisposable
{
    private readonly CoreHarness _emu = new();

    public void Dispose() => _emu.Dispose();

    [Fact]
    public async Task Should_Refuse_Callers_From_Other_Machines()
    {
        var body = new JsonObject { ["claims"] = TestClaims.MainBranch() }.ToJsonString();

        var (status, response) = await _emu.SendAsync("POST", "/-/keyless/mint", body, "application/json", loopback: false);

        Assert.Equal(403, status);
        Assert.Null(response["token"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"claims\": 5}")]
    [InlineData("{\"claims\": {}, \"job_timeout_seconds\": \"soon\"}")]
    [InlineData("{\"claims\": {}, \"sub_claim_components\": [1]}")]
    public async Task Should_Answer_400_For_Bad_Bodies(string body)
    {
        var (status, response) = await _emu.SendAsync("POST", "/-/keyless/mint", body, "application/json");

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", response["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Use_The_Given_Job_Timeout_And_Sub_Components()
    {
        var body = new JsonObject
        {
            ["claims"] = TestClaims.MainBranch(),
            ["job_timeout_seconds"] = 120,
            ["sub_claim_components"] = new JsonArray("project_id", "ref_type", "ref"),
        };

        var (_, response) = await _emu.PostJsonAsync("/-/keyless/mint", body);
        var claims = Forge.Claims(response["token"]!.GetValue<string>());

        Assert.Equal(120, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
        Assert.Equal("project_id:4242:ref_type:branch:ref:main", claims["sub"]!.GetValue<string>());
    }
}
