using Keyless.Emulator.Verification;

namespace Keyless.Emulator.Tests.Verification;

public sealed class IssuerPolicyTests
{
    [Fact]
    public void Should_Stand_In_For_Every_Trust_Issuer_By_Default_Ignoring_One_Trailing_Slash()
    {
        var policy = new IssuerPolicy(["https://gitlab.com/", "https://gitlab.example.com"], null);

        Assert.True(policy.StandsInFor("https://gitlab.com"));
        Assert.True(policy.StandsInFor("https://gitlab.example.com/"));
        Assert.False(policy.StandsInFor("https://gitlab.evil.example"));
        Assert.Null(policy.DefaultIssuer);
    }

    [Fact]
    public void Should_Stand_In_For_The_Given_Issuer_Only()
    {
        var policy = new IssuerPolicy(["https://gitlab.com/", "https://gitlab.example.com"], "https://gitlab.example.com");

        Assert.True(policy.StandsInFor("https://gitlab.example.com"));
        Assert.False(policy.StandsInFor("https://gitlab.com"));
        Assert.True(policy.IsNamedByTrust("https://gitlab.com"));
        Assert.Equal("https://gitlab.example.com", policy.DefaultIssuer);
    }

    [Fact]
    public void Should_Fall_Back_To_The_Example_Instance_For_A_Trust_Without_Issuers()
    {
        var policy = new IssuerPolicy([], null);

        Assert.Equal(IssuerPolicy.FallbackIssuer, policy.DefaultIssuer);
        Assert.True(policy.StandsInFor(IssuerPolicy.FallbackIssuer));
    }
}
