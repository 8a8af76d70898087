using System.Text.Json.Nodes;
using Keyless.Emulator.Issuer;

namespace Keyless.Emulator.Tests.Gcp;

public sealed class StsEndpointTests : IDisposable
{
    private readonly CoreHarness _emu = new();

    public void Dispose() => _emu.Dispose();

    private async Task<(int Status, JsonNode Body)> ExchangeAsync(string token, string? audience = null) =>
        await _emu.PostFormAsync("/v1/token", CoreHarness.StsForm(token, audience));

    [Fact]
    public async Task Should_Exchange_A_Minted_Token_For_A_Federated_Access_Token()
    {
        var token = await _emu.MintAsync(TestClaims.MainBranch());

        var (status, body) = await ExchangeAsync(token);

        Assert.Equal(200, status);
        Assert.StartsWith("ya29.d.", body["access_token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("urn:ietf:params:oauth:token-type:access_token", body["issued_token_type"]!.GetValue<string>());
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task Should_Exchange_A_Token_Read_From_A_File_That_Echo_Wrote(string lineEnd)
    {
        // GitLab's and Google's recipes write the token with `echo "$GITLAB_OIDC_TOKEN" > file`, and google-auth
        // sends the file's text as it is (identity_pool.py), newline and all: STS exchanges it.
        var token = await _emu.MintAsync(TestClaims.MainBranch());

        var (status, body) = await ExchangeAsync(token + lineEnd);

        Assert.Equal(200, status);
        Assert.StartsWith("ya29.d.", body["access_token"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_A_Token_With_A_Line_Break_Inside_The_Signed_Part()
    {
        var token = await _emu.MintAsync(TestClaims.MainBranch());

        var (status, body) = await ExchangeAsync(token.Insert(token.IndexOf('.', StringComparison.Ordinal) + 1, "\n"));

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Cap_The_Lifetime_At_The_Tokens_Own_Expiry()
    {
        var token = await _emu.MintAsync(TestClaims.MainBranch(), timeout: 600);

        var (_, body) = await ExchangeAsync(token);

        Assert.Equal(600, body["expires_in"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_Accept_A_Json_Body_With_CamelCase_Names()
    {
        var token = await _emu.MintAsync(TestClaims.MainBranch());
        var json = new JsonObject
        {
            ["grantType"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["audience"] = TestTrust.StsAudience,
            ["scope"] = "https://www.googleapis.com/auth/cloud-platform",
            ["requestedTokenType"] = "urn:ietf:params:oauth:token-type:access_token",
            ["subjectToken"] = token,
            ["subjectTokenType"] = "urn:ietf:params:oauth:token-type:jwt",
        };

        var (status, _) = await _emu.PostJsonAsync("/v1/token", json);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Should_Answer_Unauthorized_Client_When_The_Condition_Fails_And_Log_The_Claim()
    {
        var token = await _emu.MintAsync(TestClaims.MainBranch().With("ref_protected", "false").With("ref", "feature"));

        var (status, body) = await ExchangeAsync(token);

        Assert.Equal(400, status);
        Assert.Equal("unauthorized_client", body["error"]!.GetValue<string>());
        Assert.Equal("The given credential is rejected by the attribute condition.", body["error_description"]!.GetValue<string>());
        Assert.Contains("ref_protected", _emu.Log, StringComparison.Ordinal);
        Assert.Contains("DENY", _emu.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_Invalid_Grant_For_A_Bad_Signature()
    {
        var token = await _emu.MintAsync(TestClaims.MainBranch().With("project_id", "1"));
        var forged = Forge.Tamper(token, Forge.Claims(token).With("project_id", "4242"));

        var (status, body) = await ExchangeAsync(forged);

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
        Assert.Equal("Unable to verify the ID Token signature.", body["error_description"]!.GetValue<string>());
        Assert.Contains("signature does not verify", _emu.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_Issuer_Connection_Error_For_An_Unknown_Kid()
    {
        using var attacker = System.Security.Cryptography.RSA.Create(2048);
        var forged = Forge.Rs256(attacker, "rogue", Forge.Claims(await _emu.MintAsync(TestClaims.MainBranch())));

        var (_, body) = await ExchangeAsync(forged);

        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
        Assert.Equal("Error connecting to the given credential's issuer.", body["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Answer_Invalid_Grant_For_A_Foreign_Audience()
    {
        var token = await _emu.MintAsync(TestClaims.MainBranch(aud: "https://evil.example"));

        var (_, body) = await ExchangeAsync(token);

        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
        Assert.StartsWith("The audience in ID Token [https://evil.example]", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_Stale_For_An_Expired_Token()
    {
        var token = await _emu.MintAsync(TestClaims.MainBranch(), timeout: 300);
        _emu.Time.Advance(TimeSpan.FromMinutes(10));

        var (_, body) = await ExchangeAsync(token);

        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
        Assert.EndsWith("is stale to sign-in.", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_Invalid_Target_For_An_Unknown_Provider_Before_Looking_At_The_Token()
    {
        var audience = TestTrust.StsAudience.Replace("gitlab-com", "nope", StringComparison.Ordinal);

        var (_, body) = await ExchangeAsync("garbage", audience);

        Assert.Equal("invalid_target", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Answer_Invalid_Request_For_A_Malformed_Audience_Parameter()
    {
        var (_, body) = await ExchangeAsync("garbage", "https://gitlab.com");

        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.StartsWith("Invalid value for \"audience\".", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requested_token_type", "urn:ietf:params:oauth:token-type:id_token", "Invalid value of requested_token_type in request.")]
    [InlineData("scope", "", "Scope(s) must be provided.")]
    public async Task Should_Refuse_Bad_Request_Parameters_In_STS_Words(string field, string value, string description)
    {
        var form = CoreHarness.StsForm("x");
        form[field] = value;

        var (status, body) = await _emu.PostFormAsync("/v1/token", form);

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Equal(description, body["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Check_Inline_Jwks_When_The_Provider_Has_One()
    {
        // A provider with jwks_json trusts those keys (as well as the emulator's own, where it stands in).
        using var privateIssuer = SigningKey.Generate();
        var jwks = GitLabDiscovery.Keys(privateIssuer).ToJsonString();
        using var emu = new CoreHarness(TestTrust.Create(jwksJson: jwks));
        var claims = Forge.Claims(await emu.MintAsync(TestClaims.MainBranch()));
        var signedByPrivateIssuer = CompactJwt.Sign(claims, privateIssuer);

        var (status, _) = await emu.PostFormAsync("/v1/token", CoreHarness.StsForm(signedByPrivateIssuer));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Should_Answer_Invalid_Request_For_A_Json_Body_With_An_Escaped_Lone_Surrogate()
    {
        var (status, body) = await _emu.SendAsync("POST", "/v1/token", """{"grantType":"x","subjectToken":"\uD800"}""", "application/json");

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
    }
}
