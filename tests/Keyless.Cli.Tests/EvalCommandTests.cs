using System.Text.Json.Nodes;
using Keyless.Cli.Tests.Infrastructure;

namespace Keyless.Cli.Tests;

/// <summary><c>keyless eval</c> run as a real process: output contract, exit codes, bad input.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("keyless-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string ClaimsJson = """
        {"sub":"project_path:acme/app:ref_type:branch:ref:main","project_id":"42","ref_protected":"true","runner_id":7,"groups_direct":["acme"]}
        """;

    [Theory]
    [InlineData("assertion.sub.extract('project_path:{p}:ref_type')", "\"acme/app\"", "string")]
    [InlineData("assertion.ref_protected == 'true' && assertion.project_id == '42'", "true", "bool")]
    [InlineData("assertion.runner_id + 1", "8", "int")]
    [InlineData("assertion.groups_direct.map(g, g + '!')", "[\"acme!\"]", "list")]
    [InlineData("{'a': 1.5}", "{\"a\":1.5}", "map")]
    [InlineData("1u", "1", "uint")]
    [InlineData("duration('90s')", "\"90s\"", "duration")]
    public async Task Should_Print_Value_And_Type_As_Json(string expression, string valueJson, string type)
    {
        var claims = Write("claims.json", ClaimsJson);

        var run = await KeylessProcess.RunAsync("eval", expression, "--claims", claims, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var output = JsonNode.Parse(run.StdOut)!.AsObject();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(valueJson), output["value"]), run.StdOut);
        Assert.Equal(type, output["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Read_Yaml_Claims_Keeping_Quoted_Strings_As_Strings()
    {
        var claims = Write("claims.yaml", "project_id: \"42\"\nrunner_id: 42\n");

        var run = await KeylessProcess.RunAsync("eval", "[type(assertion.project_id), type(assertion.runner_id)] == [string, int]", "--claims", claims, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"value\":true,\"type\":\"bool\"}", run.StdOut.Trim());
    }

    [Fact]
    public async Task Should_Read_Claims_From_Standard_Input()
    {
        var run = await KeylessProcess.RunAsync(["eval", "assertion.project_id", "--claims=-"], stdin: ClaimsJson);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\"42\" (string)", run.StdOut.Trim());
    }

    [Fact]
    public async Task Should_Exit_1_With_The_Error_For_An_Evaluation_Error()
    {
        var claims = Write("claims.json", ClaimsJson);

        var run = await KeylessProcess.RunAsync("eval", "assertion.environment == 'prod'", "--claims", claims, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("no such key: environment", JsonNode.Parse(run.StdOut)!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Absorb_An_Error_As_Gcp_Does()
    {
        var run = await KeylessProcess.RunAsync("eval", "assertion.environment == 'prod' || true", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"value\":true,\"type\":\"bool\"}", run.StdOut.Trim());
    }

    [Fact]
    public async Task Should_Exit_2_With_Line_And_Column_For_A_Syntax_Error()
    {
        var run = await KeylessProcess.RunAsync("eval", "assertion.ref ==\n  && true");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("EXPR:2:3", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }

    [Fact]
    public async Task Should_Exit_2_For_A_Name_Outside_The_Mapping_Scope()
    {
        var run = await KeylessProcess.RunAsync("eval", "google.subject == 'x'");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("undeclared reference to 'google'", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_Naming_A_Missing_Claims_File()
    {
        var missing = Path.Combine(_dir, "nope.json");

        var run = await KeylessProcess.RunAsync("eval", "true", "--claims", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_2_Naming_A_Malformed_Claims_File()
    {
        var claims = Write("bad.json", "{\"sub\": ");

        var run = await KeylessProcess.RunAsync("eval", "true", "--claims", claims);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.json", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_A_Catastrophic_Regex_At_Once()
    {
        var claims = Write("long.json", "{\"long\":\"" + new string('a', 20_000) + "!\"}");

        var run = await KeylessProcess.RunAsync(["eval", "assertion.long.matches('^(a+)+$')", "--claims", claims, "--format", "json"], timeout: TimeSpan.FromSeconds(20));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"value\":false,\"type\":\"bool\"}", run.StdOut.Trim());
    }

    [Theory]
    [InlineData("-1 < 0")]
    [InlineData("-(1) == -1")]
    [InlineData("--", "-1 < 0")]
    [InlineData("--", "1 < 2")]
    public async Task An_expression_starting_with_a_dash_is_taken_whole(params string[] args)
    {
        var run = await KeylessProcess.RunAsync(["eval", "--format", "json", .. args]);

        Assert.Equal(0, run.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"value":true,"type":"bool"}"""), JsonNode.Parse(run.StdOut)), run.StdOut + run.StdErr);
    }

    [Fact]
    public async Task Options_before_the_double_dash_still_count()
    {
        var claims = Write("claims.json", ClaimsJson);

        var run = await KeylessProcess.RunAsync("eval", "--claims", claims, "--format", "json", "--", "-assertion.runner_id");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("-7", JsonNode.Parse(run.StdOut)!["value"]!.ToJsonString());
    }

    [Fact]
    public async Task A_dash_expression_that_does_not_compile_is_a_syntax_error_not_an_unknown_option()
    {
        var run = await KeylessProcess.RunAsync("eval", "-nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("EXPR:1:", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown option", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_expressions_are_refused()
    {
        var run = await KeylessProcess.RunAsync("eval", "--", "1", "2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give one CEL expression", run.StdErr, StringComparison.Ordinal);
    }
}
