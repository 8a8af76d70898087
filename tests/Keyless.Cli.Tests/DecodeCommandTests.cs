using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

public sealed class DecodeCommandTests
{
    private const string Signature = "c2lnbmF0dXJlLW5vdC1zaG93bg";

    private static string Jwt(string claims) =>
        B64("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}") + "." + B64(claims) + "." + Signature;

    [Fact]
    public async Task Json_has_header_claims_lifetime_and_meanings_but_not_the_signature()
    {
        var run = await KeylessProcess.RunAsync(["decode", "-", "--format", "json"],
            stdin: Jwt("""{"iss":"https://gitlab.com","project_id":"4242","iat":1767225590,"exp":1767225890}"""));
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.StdOut)!;
        Assert.Equal("k1", json["header"]!["kid"]!.GetValue<string>());
        Assert.Equal("4242", json["claims"]!["project_id"]!.GetValue<string>());
        Assert.Equal(300, json["lifetime"]!["lifetime_seconds"]!.GetValue<long>());
        Assert.Contains("Immutable", json["meanings"]!["project_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_a_jwt_exits_2()
    {
        var run = await KeylessProcess.RunAsync(["decode", "-"], stdin: "hello");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a JWT", run.StdErr, StringComparison.Ordinal);
    }

    private static string B64(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
