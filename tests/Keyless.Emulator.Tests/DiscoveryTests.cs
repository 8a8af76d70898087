namespace Keyless.Emulator.Tests;

public sealed class DiscoveryTests : IDisposable
{
    private readonly CoreHarness _emu = new();

    public void Dispose() => _emu.Dispose();

    [Fact]
    public async Task Should_Serve_GitLabs_Discovery_Naming_The_Trusted_Issuer_With_Keys_Here()
    {
        var (status, body) = await _emu.GetAsync("/.well-known/openid-configuration");

        Assert.Equal(200, status);
        Assert.Equal("https://gitlab.com", body["issuer"]!.GetValue<string>());
        Assert.Equal(CoreHarness.BaseUrl + "/oauth/discovery/keys", body["jwks_uri"]!.GetValue<string>());
        Assert.Equal("RS256", body["id_token_signing_alg_values_supported"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/oauth/discovery/keys")]
    [InlineData("/-/jwks")]
    public async Task Should_Serve_The_Key_Set_With_The_Signing_Kid(string path)
    {
        var (_, body) = await _emu.GetAsync(path);

        Assert.Equal(_emu.Core.IssuerKeyId, body["keys"]![0]!["kid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Serve_Entra_Tenant_Discovery_With_The_Tenant_In_The_Token_Endpoint()
    {
        var (_, body) = await _emu.GetAsync($"/{TestTrust.TenantId}/v2.0/.well-known/openid-configuration");

        Assert.Equal($"{CoreHarness.BaseUrl}/{TestTrust.TenantId}/oauth2/v2.0/token", body["token_endpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Serve_Adfs_Discovery_For_Az()
    {
        var (_, withTenant) = await _emu.GetAsync($"/adfs/{TestTrust.TenantId}/.well-known/openid-configuration");
        var (_, bare) = await _emu.GetAsync("/adfs/.well-known/openid-configuration");

        Assert.Equal(CoreHarness.BaseUrl + "/adfs/oauth2/token/", withTenant["token_endpoint"]!.GetValue<string>());
        Assert.Equal(withTenant.ToJsonString(), bare.ToJsonString());
    }

    [Fact]
    public async Task Should_Answer_404_In_Json_For_Unknown_Paths()
    {
        var (status, body) = await _emu.GetAsync("/nothing/here/at/all");

        Assert.Equal(404, status);
        Assert.Equal("not_found", body["error"]!.GetValue<string>());
    }
}
