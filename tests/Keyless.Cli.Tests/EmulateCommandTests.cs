using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

public sealed class EmulateCommandTests
{
    private static string Claims(string name) => Path.Combine(EmulateProcess.Fixtures, name);

    private static async Task<(int Status, JsonNode Body)> StsAsync(string baseUrl, string token)
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["audience"] = "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab/providers/gitlab-com",
            ["scope"] = "https://www.googleapis.com/auth/cloud-platform",
            ["requested_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
            ["subject_token"] = token,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:jwt",
        });
        using var response = await http.PostAsync(baseUrl + "/v1/token", form, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task Should_Serve_The_Loaded_Trust_And_Log_Each_Decision_Without_Tokens()
    {
        await using var emulate = await EmulateProcess.StartAsync();

        var mint = await KeylessProcess.RunAsync("mint", "--emulator", emulate.Http, "--claims", Claims("main.claims.yaml"));
        var token = mint.StdOut.Trim();
        var (status, body) = await StsAsync(emulate.Http, token);
        var exit = await emulate.StopAsync();

        Assert.Equal(0, mint.ExitCode);
        Assert.Equal(200, status);
        Assert.StartsWith("ya29.d.", body["access_token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ALLOW gcp.sts principal://iam.googleapis.com/projects/123456789012/", emulate.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], emulate.StdOut + emulate.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(body["access_token"]!.GetValue<string>(), emulate.StdOut + emulate.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("stopped", emulate.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Print_Where_It_Listens_And_The_Certificate_To_Trust()
    {
        await using var emulate = await EmulateProcess.StartAsync();

        Assert.StartsWith("http://127.0.0.1:", emulate.Http, StringComparison.Ordinal);
        Assert.StartsWith("https://127.0.0.1:", emulate.Https, StringComparison.Ordinal);
        Assert.StartsWith(emulate.CertDirectory, emulate.CertificatePath, StringComparison.Ordinal);
        Assert.Contains("BEGIN CERTIFICATE", await File.ReadAllTextAsync(emulate.CertificatePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("1 GCP provider(s), 1 IAM binding(s), 1 Entra identity(ies)", emulate.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Log_Json_Decisions_With_The_Failing_Claim()
    {
        await using var emulate = await EmulateProcess.StartAsync("--log-format", "json");
        var claims = (await File.ReadAllTextAsync(Claims("main.claims.yaml"), TestContext.Current.CancellationToken))
            .Replace("ref_protected: \"true\"", "ref_protected: \"false\"", StringComparison.Ordinal);

        var mint = await KeylessProcess.RunAsync(["mint", "--emulator", emulate.Https, "--ca-file", emulate.CertificatePath, "--claims=-"], stdin: claims);
        var (status, body) = await StsAsync(emulate.Http, mint.StdOut.Trim());
        await emulate.StopAsync();

        Assert.Equal(0, mint.ExitCode);
        Assert.Equal(400, status);
        Assert.Equal("unauthorized_client", body["error"]!.GetValue<string>());
        var deny = emulate.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .Single(entry => entry["endpoint"]!.GetValue<string>() == "gcp.sts");
        Assert.Equal("deny", deny["decision"]!.GetValue<string>());
        Assert.Contains(deny["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("ref_protected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Exit_2_Naming_A_Missing_Trust_Input()
    {
        var run = await EmulateProcess.RunToExitAsync("no-such-trust.json", "--http-port", "0", "--https-port", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-trust.json", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--log-format", "yaml", "--log-format")]
    [InlineData("--http-port", "70000", "--http-port")]
    [InlineData("--issuer-url", "gitlab.com", "--issuer-url")]
    public async Task Should_Exit_2_On_Bad_Options(string option, string value, string named)
    {
        var run = await EmulateProcess.RunToExitAsync(Path.Combine(EmulateProcess.Fixtures, "trust"), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_When_The_Port_Is_Taken()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var certDir = Path.Combine(Path.GetTempPath(), "keyless-emulate-test-" + Guid.NewGuid().ToString("N"));

        var run = await EmulateProcess.RunToExitAsync(Path.Combine(EmulateProcess.Fixtures, "trust"), "--http-port", port, "--https-port", "0", "--cert-dir", certDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(port, run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_Naming_The_Cert_Dir_When_It_Is_A_File()
    {
        var file = Path.Combine(Path.GetTempPath(), "keyless-emulate-test-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);
        try
        {
            var run = await EmulateProcess.RunToExitAsync(Path.Combine(EmulateProcess.Fixtures, "trust"), "--http-port", "0", "--https-port", "0", "--cert-dir", file);

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("error: --cert-dir:", run.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("cannot listen", run.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Should_Exit_2_Naming_The_Cert_Dir_When_The_Certificate_File_Cannot_Be_Written()
    {
        // The folder is fine; the file the certificate goes to is a folder itself.
        var folder = Directory.CreateTempSubdirectory("keyless-emulate-test-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "keyless-emulator.pem"));
        try
        {
            var run = await EmulateProcess.RunToExitAsync(Path.Combine(EmulateProcess.Fixtures, "trust"), "--http-port", "0", "--https-port", "0", "--cert-dir", folder);

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("error: --cert-dir:", run.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("cannot listen", run.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
