using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace Keyless.Emulator.Host.Tests;

/// <summary>Azure.Identity's ClientAssertionCredential with AuthorityHost on the emulator and instance discovery off.</summary>
public sealed class AzureIdentityTests
{
    private static ClientAssertionCredential Credential(RunningEmulator emu, string assertion) =>
        new(TestTrust.TenantId, TestTrust.ClientId, _ => Task.FromResult(assertion), new ClientAssertionCredentialOptions
        {
            AuthorityHost = new Uri(emu.Https + "/"),
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(emu.PinnedHandler()),
            Retry = { MaxRetries = 0 },
        });

    private static readonly TokenRequestContext Arm = new(["https://management.azure.com/.default"]);

    [Fact]
    public async Task Should_Get_An_Access_Token_With_Entra_Lifetime()
    {
        await using var emu = await RunningEmulator.StartAsync();
        var assertion = await emu.MintAsync(TestTrust.Claims(TestTrust.AzureAudience));

        var token = await Credential(emu, assertion).GetTokenAsync(Arm, TestContext.Current.CancellationToken);

        var lifetime = token.ExpiresOn - DateTimeOffset.UtcNow;
        Assert.InRange(lifetime, TimeSpan.FromMinutes(58), TimeSpan.FromMinutes(91));
        Assert.Equal(3, token.Token.Split('.').Length);
        Assert.Contains("ALLOW entra.token app 'ci-deployer'", emu.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Surface_Aadsts700213_For_A_Subject_Mismatch()
    {
        await using var emu = await RunningEmulator.StartAsync();
        var assertion = await emu.MintAsync(TestTrust.Claims(TestTrust.AzureAudience, "feature", "false"));

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(
            async () => await Credential(emu, assertion).GetTokenAsync(Arm, TestContext.Current.CancellationToken));

        Assert.Contains("AADSTS700213", error.InnerException?.Message, StringComparison.Ordinal);
        Assert.Contains("project_path:acme/payments:ref_type:branch:ref:feature", emu.Log, StringComparison.Ordinal);
    }
}
