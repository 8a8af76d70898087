using System.Globalization;
using System.Text.Json.Nodes;

namespace Keyless.Emulator.Tests.Gcp;

public sealed class IamCredentialsEndpointTests : IDisposable
{
    private readonly CoreHarness _emu = new();

    public void Dispose() => _emu.Dispose();

    private static string PathFor(string email) => $"/v1/projects/-/serviceAccounts/{email}:generateAccessToken";

    private static JsonObject Body(string lifetime = "3600s") => new()
    {
        ["scope"] = new JsonArray("https://www.googleapis.com/auth/cloud-platform"),
        ["lifetime"] = lifetime,
        ["delegates"] = new JsonArray(),
    };

    private async Task<string> FederatedTokenAsync(JsonObject? claims = null)
    {
        var token = await _emu.MintAsync(claims ?? TestClaims.MainBranch());
        var (status, body) = await _emu.PostFormAsync("/v1/token", CoreHarness.StsForm(token));
        Assert.Equal(200, status);
        return body["access_token"]!.GetValue<string>();
    }

    [Fact]
    public async Task Should_Issue_A_Service_Account_Token_In_CamelCase()
    {
        var federated = await FederatedTokenAsync();

        var (status, body) = await _emu.PostJsonAsync(PathFor(TestTrust.ServiceAccount), Body(), "Bearer " + federated);

        Assert.Equal(200, status);
        Assert.StartsWith("ya29.c.", body["accessToken"]!.GetValue<string>(), StringComparison.Ordinal);
        var expire = DateTimeOffset.ParseExact(body["expireTime"]!.GetValue<string>(), "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Assert.Equal(_emu.Time.GetUtcNow().AddHours(1), expire);
    }

    [Fact]
    public async Task Should_Deny_A_Service_Account_The_Principal_Has_No_Role_On()
    {
        var federated = await FederatedTokenAsync();

        var (status, body) = await _emu.PostJsonAsync(PathFor(TestTrust.OtherServiceAccount), Body(), "Bearer " + federated);

        Assert.Equal(403, status);
        Assert.Equal("PERMISSION_DENIED", body["error"]!["status"]!.GetValue<string>());
        Assert.Equal("IAM_PERMISSION_DENIED", body["error"]!["details"]![0]!["reason"]!.GetValue<string>());
        Assert.Contains(TestTrust.OtherServiceAccount, _emu.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_Unauthenticated_Without_A_Live_Federated_Token()
    {
        var (status, body) = await _emu.PostJsonAsync(PathFor(TestTrust.ServiceAccount), Body(), "Bearer ya29.d.unknown");

        Assert.Equal(401, status);
        Assert.Equal("UNAUTHENTICATED", body["error"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Answer_Unauthenticated_Once_The_Federated_Token_Expired()
    {
        var federated = await FederatedTokenAsync();
        _emu.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        var (status, _) = await _emu.PostJsonAsync(PathFor(TestTrust.ServiceAccount), Body(), "Bearer " + federated);

        Assert.Equal(401, status);
    }

    [Theory]
    [InlineData("0s", "Lifetime of access token must be larger then zero.")]
    [InlineData("3601s", "can not have lifetimes of more than 1 hour")]
    public async Task Should_Refuse_Lifetimes_IAM_Refuses(string lifetime, string message)
    {
        var federated = await FederatedTokenAsync();

        var (status, body) = await _emu.PostJsonAsync(PathFor(TestTrust.ServiceAccount), Body(lifetime), "Bearer " + federated);

        Assert.Equal(400, status);
        Assert.Contains(message, body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Introspect_A_Federated_Token_As_Its_Principal()
    {
        var federated = await FederatedTokenAsync();

        var (_, body) = await _emu.PostFormAsync("/v1/introspect", [new("token", federated)]);

        Assert.True(body["active"]!.GetValue<bool>());
        Assert.Equal(
            $"principal://iam.googleapis.com/projects/{TestTrust.ProjectNumber}/locations/global/workloadIdentityPools/{TestTrust.Pool}/subject/project_path:acme/payments:ref_type:branch:ref:main",
            body["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Introspect_An_Unknown_Token_As_Inactive()
    {
        var (_, body) = await _emu.PostFormAsync("/v1/introspect", [new("token", "ya29.d.nope")]);

        Assert.False(body["active"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"scope":["a"],"scope":["b"]}""")]
    [InlineData("""{"scope":["\uD800"]}""")]
    public async Task Should_Answer_400_For_A_Body_Two_Readers_Could_See_Differently(string body)
    {
        var federated = await FederatedTokenAsync();

        var (status, answer) = await _emu.SendAsync("POST", PathFor(TestTrust.ServiceAccount), body, "application/json", "Bearer " + federated);

        Assert.Equal(400, status);
        Assert.StartsWith("Invalid JSON payload received.", answer["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
