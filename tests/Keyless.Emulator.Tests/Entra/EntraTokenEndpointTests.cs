using System.Text.Json.Nodes;

namespace Keyless.Emulator.Tests.Entra;

public sealed class EntraTokenEndpointTests : IDisposable
{
    private readonly CoreHarness _emu = new();

    public void Dispose() => _emu.Dispose();

    private static JsonObject AzureClaims() => TestClaims.MainBranch(aud: TestTrust.AzureAudience);

    private async Task<(int Status, JsonNode Body)> ExchangeAsync(string assertion, string tenant = TestTrust.TenantId, string clientId = TestTrust.ClientId) =>
        await _emu.PostFormAsync($"/{tenant}/oauth2/v2.0/token", CoreHarness.EntraForm(assertion, clientId));

    [Fact]
    public async Task Should_Issue_A_Signed_Access_Token_With_Entra_Lifetime()
    {
        var (status, body) = await ExchangeAsync(await _emu.MintAsync(AzureClaims()));

        Assert.Equal(200, status);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        var expiresIn = body["expires_in"]!.GetValue<int>();
        Assert.InRange(expiresIn, 3600, 5400);
        var claims = Forge.Claims(body["access_token"]!.GetValue<string>());
        Assert.Equal("https://management.azure.com", claims["aud"]!.GetValue<string>());
        Assert.Equal(TestTrust.ClientId, claims["appid"]!.GetValue<string>());
        Assert.Equal(TestTrust.TenantId, claims["tid"]!.GetValue<string>());
        Assert.Equal(_emu.Time.GetUtcNow().ToUnixTimeSeconds() + expiresIn, claims["exp"]!.GetValue<long>());
    }

    [Fact]
    public async Task Should_Answer_700213_For_A_Subject_Mismatch_And_Log_The_Subject()
    {
        var claims = AzureClaims().With("ref", "feature").With("ref_protected", "false");

        var (status, body) = await ExchangeAsync(await _emu.MintAsync(claims));

        Assert.Equal(400, status);
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
        Assert.Equal(700213, body["error_codes"]![0]!.GetValue<int>());
        Assert.StartsWith("AADSTS700213:", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Trace ID:", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("project_path:acme/payments:ref_type:branch:ref:feature", _emu.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_700212_For_An_Audience_Mismatch()
    {
        var (_, body) = await ExchangeAsync(await _emu.MintAsync(TestClaims.MainBranch(aud: "https://gitlab.com")));

        Assert.Equal(700212, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_Answer_700024_For_An_Expired_Assertion()
    {
        var token = await _emu.MintAsync(AzureClaims(), timeout: 300);
        _emu.Time.Advance(TimeSpan.FromMinutes(20));

        var (_, body) = await ExchangeAsync(token);

        Assert.Equal(700024, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_Answer_700016_For_An_Unknown_Client_Before_Looking_At_The_Signature()
    {
        var (_, body) = await ExchangeAsync("garbage", clientId: "00000000-0000-0000-0000-000000000000");

        Assert.Equal(700016, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_Answer_7000272_For_An_Unknown_Kid()
    {
        using var attacker = System.Security.Cryptography.RSA.Create(2048);
        var forged = Forge.Rs256(attacker, "rogue", Forge.Claims(await _emu.MintAsync(AzureClaims())));

        var (_, body) = await ExchangeAsync(forged);

        Assert.Equal(7000272, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_Refuse_A_Tampered_Assertion()
    {
        var token = await _emu.MintAsync(AzureClaims().With("ref", "feature"));
        var forged = Forge.Tamper(token, Forge.Claims(token).With("sub", TestTrust.MainSubject));

        var (status, body) = await ExchangeAsync(forged);

        Assert.Equal(401, status);
        Assert.Equal(700027, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_Answer_90002_For_A_Tenant_The_Trust_Does_Not_Name()
    {
        var (_, body) = await ExchangeAsync(await _emu.MintAsync(AzureClaims()), tenant: "12345678-1234-1234-1234-123456789012");

        Assert.Equal("invalid_tenant", body["error"]!.GetValue<string>());
        Assert.Equal(90002, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_Accept_A_Tenant_Domain_Name()
    {
        var (status, _) = await ExchangeAsync(await _emu.MintAsync(AzureClaims()), tenant: "acme.onmicrosoft.com");

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("grant_type", "AADSTS900144")]
    [InlineData("client_assertion", "AADSTS7000218")]
    [InlineData("scope", "AADSTS900144")]
    public async Task Should_Name_The_Missing_Parameter(string field, string code)
    {
        var form = CoreHarness.EntraForm("x");
        form.Remove(field);

        var (_, body) = await _emu.PostFormAsync($"/{TestTrust.TenantId}/oauth2/v2.0/token", form);

        Assert.StartsWith(code, body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_A_Scope_Without_Default()
    {
        var form = CoreHarness.EntraForm(await _emu.MintAsync(AzureClaims()));
        form["scope"] = "https://management.azure.com/user_impersonation";

        var (_, body) = await _emu.PostFormAsync($"/{TestTrust.TenantId}/oauth2/v2.0/token", form);

        Assert.Equal("invalid_scope", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Serve_The_Adfs_Token_Path_Az_Uses()
    {
        var (status, _) = await _emu.PostFormAsync("/adfs/oauth2/token", CoreHarness.EntraForm(await _emu.MintAsync(AzureClaims())));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Should_List_Subscriptions_For_Its_Own_Access_Token_Only()
    {
        var (_, token) = await ExchangeAsync(await _emu.MintAsync(AzureClaims()));
        var bearer = "Bearer " + token["access_token"]!.GetValue<string>();

        var (ok, list) = await _emu.GetAsync("/arm/subscriptions", bearer);
        var (missing, _) = await _emu.GetAsync("/subscriptions");
        var (forged, _) = await _emu.GetAsync("/subscriptions", "Bearer " + await _emu.MintAsync(AzureClaims()));

        Assert.Equal(200, ok);
        Assert.Equal(TestTrust.TenantId, list["value"]![0]!["tenantId"]!.GetValue<string>());
        Assert.Equal(401, missing);
        Assert.Equal(401, forged);
    }
}
