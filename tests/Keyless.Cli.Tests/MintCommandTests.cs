using System.Net;
using System.Net.Sockets;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

public sealed class MintCommandTests
{
    private static string Claims(string name) => Path.Combine(EmulateProcess.Fixtures, name);

    private static string Decode(string part) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight((part.Length + 3) / 4 * 4, '=')));

    [Fact]
    public async Task Should_Print_A_Token_With_GitLabs_Reserved_Claims_Filled()
    {
        await using var emulate = await EmulateProcess.StartAsync();

        var run = await KeylessProcess.RunAsync("mint", "--emulator", emulate.Http, "--claims", Claims("main.claims.yaml"),
            "--job-timeout", "600", "--sub-components", "project_id,ref_type,ref");

        Assert.Equal(0, run.ExitCode);
        var parts = run.StdOut.Trim().Split('.');
        Assert.Equal(3, parts.Length);
        var claims = System.Text.Json.Nodes.JsonNode.Parse(Decode(parts[1]))!;
        Assert.Equal("https://gitlab.com", claims["iss"]!.GetValue<string>());
        Assert.Equal("project_id:4242:ref_type:branch:ref:main", claims["sub"]!.GetValue<string>());
        Assert.Equal(600, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
        Assert.Equal("4242", claims["project_id"]!.GetValue<string>());
        Assert.Equal(7, claims["runner_id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_Exit_2_When_The_Emulator_Refuses_The_Claims()
    {
        await using var emulate = await EmulateProcess.StartAsync();

        var run = await KeylessProcess.RunAsync("mint", "--emulator", emulate.Http, "--claims", Claims("no-aud.claims.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-aud.claims.json", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("aud", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }

    [Fact]
    public async Task Should_Exit_2_Naming_The_Place_In_A_Broken_Claims_File()
    {
        var run = await KeylessProcess.RunAsync("mint", "--emulator", "http://127.0.0.1:9", "--claims", Claims("broken.claims.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.claims.json", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_When_No_Emulator_Answers()
    {
        // A port that was free a moment ago: nothing listens there.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var run = await KeylessProcess.RunAsync("mint", "--emulator", $"http://127.0.0.1:{port}", "--claims", Claims("main.claims.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--emulator", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "mint" }, "--claims")]
    [InlineData(new[] { "mint", "--claims", "x.json", "--emulator", "ftp://host" }, "--emulator")]
    [InlineData(new[] { "mint", "--claims", "x.json", "--job-timeout", "0" }, "--job-timeout")]
    public async Task Should_Exit_2_On_Bad_Usage(string[] args, string named)
    {
        var run = await KeylessProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.StdErr, StringComparison.Ordinal);
    }
}
