using System.Text.Json.Nodes;
using Keyless.Emulator.Logging;

namespace Keyless.Emulator.Tests.Logging;

public sealed class DecisionLogTests
{
    [Theory]
    [InlineData(LogFormat.Text)]
    [InlineData(LogFormat.Json)]
    public async Task Should_Never_Log_A_Token_Through_A_Whole_Federation(LogFormat format)
    {
        using var emu = new CoreHarness(format: format);
        var secrets = new List<string>();

        // GCP: mint, exchange, impersonate, and a refused token whose claims carry a token as a value.
        var gitlab = await emu.MintAsync(TestClaims.MainBranch());
        secrets.Add(gitlab);
        var (_, sts) = await emu.PostFormAsync("/v1/token", CoreHarness.StsForm(gitlab));
        var federated = sts["access_token"]!.GetValue<string>();
        secrets.Add(federated);
        var (_, sa) = await emu.PostJsonAsync(
            $"/v1/projects/-/serviceAccounts/{TestTrust.ServiceAccount}:generateAccessToken",
            new JsonObject { ["scope"] = new JsonArray("https://www.googleapis.com/auth/cloud-platform") },
            "Bearer " + federated);
        secrets.Add(sa["accessToken"]!.GetValue<string>());
        var smuggled = await emu.MintAsync(TestClaims.MainBranch().With("ref", gitlab).With("ref_protected", "false"));
        secrets.Add(smuggled);
        await emu.PostFormAsync("/v1/token", CoreHarness.StsForm(smuggled));

        // Entra: success and a subject mismatch.
        var assertion = await emu.MintAsync(TestClaims.MainBranch(aud: TestTrust.AzureAudience));
        secrets.Add(assertion);
        var (_, entra) = await emu.PostFormAsync($"/{TestTrust.TenantId}/oauth2/v2.0/token", CoreHarness.EntraForm(assertion));
        secrets.Add(entra["access_token"]!.GetValue<string>());
        await emu.PostFormAsync($"/{TestTrust.TenantId}/oauth2/v2.0/token",
            CoreHarness.EntraForm(await emu.MintAsync(TestClaims.MainBranch(aud: TestTrust.AzureAudience).With("ref", federated))));

        var log = emu.Log;
        Assert.NotEmpty(log);
        foreach (var secret in secrets)
        {
            foreach (var part in secret.Split('.').Where(p => p.Length > 16))
            {
                Assert.DoesNotContain(part, log, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Should_Write_One_Json_Object_Per_Decision()
    {
        using var emu = new CoreHarness(format: LogFormat.Json);
        var token = await emu.MintAsync(TestClaims.MainBranch().With("ref_protected", "false"));

        await emu.PostFormAsync("/v1/token", CoreHarness.StsForm(token));

        var lines = emu.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var deny = JsonNode.Parse(lines[^1])!;
        Assert.Equal("gcp.sts", deny["endpoint"]!.GetValue<string>());
        Assert.Equal("deny", deny["decision"]!.GetValue<string>());
        Assert.Equal("unauthorized_client", deny["error"]!.GetValue<string>());
        Assert.Contains(deny["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("ref_protected", StringComparison.Ordinal));
    }
}
