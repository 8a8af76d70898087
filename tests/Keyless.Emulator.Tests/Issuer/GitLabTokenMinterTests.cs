using System.Text.Json.Nodes;
using Keyless.Emulator.Issuer;
using Keyless.Emulator.Verification;
using Keyless.Trust.Model;
using Microsoft.Extensions.Time.Testing;

namespace Keyless.Emulator.Tests.Issuer;

public sealed class GitLabTokenMinterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SigningKey _key = SigningKey.Generate();
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => _key.Dispose();

    private GitLabTokenMinter Minter(TrustSet? trust = null, string? issuerUrl = null)
    {
        trust ??= TestTrust.Create();
        return new GitLabTokenMinter(_key, new IssuerPolicy(["https://gitlab.com/", "https://gitlab.com"], issuerUrl), trust, _time);
    }

    private string Mint(JsonObject claims, int? timeout = null, IReadOnlyList<string>? components = null, TrustSet? trust = null)
    {
        var result = Minter(trust).Mint(new MintRequest(claims, timeout, components));
        Assert.True(result.Token is not null, result.Error);
        return result.Token!;
    }

    [Fact]
    public void Should_Fill_The_Reserved_Claims_As_GitLab_Does()
    {
        var claims = Forge.Claims(Mint(TestClaims.MainBranch(), timeout: 1800));

        var now = Now.ToUnixTimeSeconds();
        Assert.Equal("https://gitlab.com", claims["iss"]!.GetValue<string>());
        Assert.Equal(now, claims["iat"]!.GetValue<long>());
        Assert.Equal(now - 5, claims["nbf"]!.GetValue<long>());
        Assert.Equal(now + 1800, claims["exp"]!.GetValue<long>());
        Assert.True(Guid.TryParse(claims["jti"]!.GetValue<string>(), out _));
        Assert.Equal("project_path:acme/payments:ref_type:branch:ref:main", claims["sub"]!.GetValue<string>());
    }

    [Fact]
    public void Should_Put_Custom_Claims_First_Then_Reserved_In_GitLab_Order()
    {
        var names = Forge.Claims(Mint(TestClaims.MainBranch())).Select(p => p.Key).ToArray();

        Assert.Equal("namespace_id", names[0]);
        Assert.Equal(["jti", "iss", "iat", "nbf", "exp", "sub", "aud"], names[^7..]);
    }

    [Fact]
    public void Should_Default_The_Lifetime_To_The_Project_Default_Job_Timeout()
    {
        var claims = Forge.Claims(Mint(TestClaims.MainBranch()));

        Assert.Equal(GitLabTokenMinter.DefaultJobTimeoutSeconds, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
    }

    [Fact]
    public void Should_Sign_RS256_With_Kid_And_Typ()
    {
        var header = Forge.Header(Mint(TestClaims.MainBranch()));

        Assert.Equal(["alg", "kid", "typ"], header.Select(p => p.Key).ToArray());
        Assert.Equal("RS256", header["alg"]!.GetValue<string>());
        Assert.Equal(_key.KeyId, header["kid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Verify_Against_The_Published_Key_Set()
    {
        var token = Mint(TestClaims.MainBranch());
        var (keys, error) = JwksParser.Parse(GitLabDiscovery.Keys(_key).ToJsonString());

        var result = await JwtVerifier.VerifyAsync(token, keys);

        Assert.Null(error);
        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public void Should_Render_Sub_From_Components_Dropping_Absent_Ones()
    {
        var claims = Forge.Claims(Mint(TestClaims.MainBranch(), components: ["project_id", "environment_protected", "ref_type", "ref"]));

        Assert.Equal("project_id:4242:ref_type:branch:ref:main", claims["sub"]!.GetValue<string>());
    }

    [Fact]
    public void Should_Use_The_Trust_Projects_Sub_Components_When_The_Claims_Name_That_Project()
    {
        var trust = TestTrust.Create() with
        {
            GitLabProjects = [new GitLabProject { Id = "4242", Path = "acme/payments", SubClaimComponents = ["project_id", "ref"], Source = new SourceRef("t", null) }],
        };

        var claims = Forge.Claims(Mint(TestClaims.MainBranch(), trust: trust));

        Assert.Equal("project_id:4242:ref:main", claims["sub"]!.GetValue<string>());
    }

    [Fact]
    public void Should_Keep_Given_Reserved_Claims_So_Tests_Can_Mint_Expired_Tokens()
    {
        var claims = Forge.Claims(Mint(TestClaims.MainBranch().With("exp", 1000).With("sub", "custom")));

        Assert.Equal(1000, claims["exp"]!.GetValue<long>());
        Assert.Equal("custom", claims["sub"]!.GetValue<string>());
    }

    [Fact]
    public void Should_Refuse_Claims_Without_Aud()
    {
        var claims = TestClaims.MainBranch();
        claims.Remove("aud");

        var result = Minter().Mint(new MintRequest(claims));

        Assert.Null(result.Token);
        Assert.Contains("aud", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_An_Issuer_It_Does_Not_Stand_In_For()
    {
        var result = Minter().Mint(new MintRequest(TestClaims.MainBranch().With("iss", "https://gitlab.evil.example")));

        Assert.Null(result.Token);
        Assert.Contains("does not sign for issuer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_Sub_Components_GitLab_Refuses()
    {
        var result = Minter().Mint(new MintRequest(TestClaims.MainBranch(), null, ["ref", "project_path"]));

        Assert.Null(result.Token);
        Assert.Contains("must start with", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(GitLabTokenMinter.MaxJobTimeoutSeconds + 1)]
    public void Should_Refuse_A_Job_Timeout_Out_Of_Range(int timeout)
    {
        var result = Minter().Mint(new MintRequest(TestClaims.MainBranch(), timeout));

        Assert.Null(result.Token);
        Assert.Contains("timeout", result.Error, StringComparison.Ordinal);
    }
}
