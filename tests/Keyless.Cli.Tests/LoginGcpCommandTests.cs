using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary>The real <c>keyless login gcp</c> binary: usage, bad input, and the exchange against the emulator.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LoginGcpCommandTests
{
    private static Dictionary<string, string> TokenEnv(string token) => new() { ["GITLAB_OIDC_TOKEN"] = token };

    [Fact]
    public async Task Should_Exit_2_Without_A_Token_Source()
    {
        var run = await KeylessProcess.RunAsync("login", "gcp", "--provider", LoginTestEmulator.Provider, "--print-access-token");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give exactly one of --token-file FILE or --token-env VAR", string.Join(' ', run.StdErr.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_Naming_The_Variable_And_Not_Echoing_What_Is_Not_A_Jwt()
    {
        var notAJwt = LoginTestEmulator.NotAJwt();

        var run = await KeylessProcess.RunAsync(["login", "gcp", "--provider", LoginTestEmulator.Provider, "--token-env", "GITLAB_OIDC_TOKEN", "--print-access-token"], environment: TokenEnv(notAJwt));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: $GITLAB_OIDC_TOKEN: is not a JWT", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(notAJwt.Split('.')[1], run.StdErr + run.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"sub":"a","sub":"b"}""")]
    [InlineData("""{"sub":"\uD800"}""")]
    public async Task Should_Exit_2_On_A_Payload_With_A_Duplicate_Claim_Or_A_Lone_Surrogate(string payload)
    {
        var token = "eyJhbGciOiJSUzI1NiJ9." + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            + "." + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

        var run = await KeylessProcess.RunAsync(["login", "gcp", "--provider", LoginTestEmulator.Provider, "--token-env", "GITLAB_OIDC_TOKEN", "--print-access-token"], environment: TokenEnv(token));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: $GITLAB_OIDC_TOKEN: is not a JWT: the payload is not JSON", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        LoginTestEmulator.AssertNoToken(run, token);
    }

    [Fact]
    public async Task Should_Exit_2_On_A_Project_Id_In_The_Provider()
    {
        var run = await KeylessProcess.RunAsync(["login", "gcp", "--provider", LoginTestEmulator.Provider.Replace("123456789012", "acme-prod", StringComparison.Ordinal), "--token-env", "GITLAB_OIDC_TOKEN", "--print-access-token"], environment: TokenEnv("a.b.c"));

        Assert.Equal(2, run.ExitCode);
        var words = string.Join(' ', run.StdErr.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("error: --provider: 'acme-prod' is a project id; STS needs the project number", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Print_Only_The_Access_Token()
    {
        await using var emu = await LoginTestEmulator.StartAsync();
        var token = await emu.MintAsync(LoginTestEmulator.Provider);

        var run = await KeylessProcess.RunAsync(["login", "gcp", "--provider", LoginTestEmulator.Provider, "--service-account", LoginTestEmulator.ServiceAccount,
            "--token-env", "GITLAB_OIDC_TOKEN", "--print-access-token", .. emu.GcpEndpoints], environment: TokenEnv(token));

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Matches("^ya29\\.c\\.[A-Za-z0-9_-]+\\n$", run.StdOut);
        Assert.Contains("keyless: the exchange works: an access token for " + LoginTestEmulator.ServiceAccount, run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(run.StdOut.Trim(), run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("ya29.d.", run.StdOut + run.StdErr, StringComparison.Ordinal); // STS's federated token, used on the way
        LoginTestEmulator.AssertNoToken(run, token);
    }

    [Fact]
    public async Task Should_Write_The_Credential_Configuration_Readable_By_The_Owner_Only()
    {
        await using var emu = await LoginTestEmulator.StartAsync();
        var token = await emu.MintAsync(LoginTestEmulator.Provider);
        var output = Path.Combine(emu.Directory, "gcp.json");

        var run = await KeylessProcess.RunAsync(["login", "gcp", "--provider", LoginTestEmulator.Provider, "--service-account", LoginTestEmulator.ServiceAccount,
            "--token-env", "GITLAB_OIDC_TOKEN", "--output", output, .. emu.GcpEndpoints], environment: TokenEnv(token));

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Empty(run.StdOut);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(emu.Directory, "gcp.jwt")));
        var config = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        Assert.Contains("\"type\": \"external_account\"", config, StringComparison.Ordinal);
        Assert.Contains($"\"service_account_impersonation_url\": \"{emu.Https}/v1/projects/-/serviceAccounts/{LoginTestEmulator.ServiceAccount}:generateAccessToken\"", config, StringComparison.Ordinal);
        Assert.DoesNotContain(token, config, StringComparison.Ordinal);
        LoginTestEmulator.AssertNoToken(run, token);
    }

    [Fact]
    public async Task Should_Exit_1_With_Both_Audiences_And_Never_Print_The_Token_On_A_Refusal()
    {
        await using var emu = await LoginTestEmulator.StartAsync();
        var token = await emu.MintAsync("https://gitlab.example.com");
        var output = Path.Combine(emu.Directory, "gcp.json");

        var run = await KeylessProcess.RunAsync(["login", "gcp", "--provider", LoginTestEmulator.Provider, "--service-account", LoginTestEmulator.ServiceAccount,
            "--token-env", "GITLAB_OIDC_TOKEN", "--output", output, "--print-access-token", "--trust", LoginTestEmulator.Trust, .. emu.GcpEndpoints], environment: TokenEnv(token));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.StdOut);
        Assert.False(File.Exists(output));
        Assert.Contains("error: STS refused the token exchange", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("  cloud: invalid_grant: The audience in ID Token [https://gitlab.example.com] does not match the expected audience.", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("  cause: The token's aud is https://gitlab.example.com; provider projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com accepts only \"//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com\"", run.StdErr, StringComparison.Ordinal);
        LoginTestEmulator.AssertNoToken(run, token);
    }
}
