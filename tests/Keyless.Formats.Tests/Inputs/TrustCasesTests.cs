using System.Reflection;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Claims;
using Keyless.Trust.Identities;

namespace Keyless.Formats.Tests.Inputs;

/// <summary>
/// Trust tests as data: each <c>tests/cases/&lt;case&gt;/</c> holds the trust inputs (<c>trust/</c>), the token
/// claims (<c>claims.json</c>) and <c>expected.json</c> with one expected decision per identity and text each
/// decision's reasons must contain (the cloud's error, the claim). Every identity the trust yields must be listed.
/// </summary>
public sealed class TrustCasesTests
{
    private static readonly string CasesRoot = Path.Combine(RepoRoot(), "tests", "cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(CasesRoot).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decisions_match_the_expected_ones(string name)
    {
        var dir = Path.Combine(CasesRoot, name);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")))!.AsObject();
        var now = expected["now"] is { } n ? DateTimeOffset.FromUnixTimeSeconds(n.GetValue<long>()) : DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);
        var trust = TrustLoader.Load([Path.Combine(dir, "trust")]);
        var claims = TokenClaims.FromJson(JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "claims.json")))!.AsObject());
        var evaluator = TrustEvaluator.For(trust, new FixedTime(now));
        var decisions = evaluator.Decide(claims);

        var wanted = expected["decisions"]!.AsArray().Select(d => d!.AsObject()).ToArray();
        Assert.Equal(
            wanted.Select(w => w["identity"]!.GetValue<string>()).Order(StringComparer.Ordinal),
            decisions.Select(d => d.Identity.Name).Order(StringComparer.Ordinal));
        foreach (var want in wanted)
        {
            var decision = decisions.Single(d => d.Identity.Name == want["identity"]!.GetValue<string>());
            var reasons = string.Join("\n", decision.Reasons);
            Assert.True(
                want["decision"]!.GetValue<string>() == Name(decision.Verdict),
                $"{name}: {decision.Identity.Name} is {Name(decision.Verdict)}, expected {want["decision"]}:\n{reasons}");
            foreach (var text in want["contains"]?.AsArray() ?? [])
            {
                Assert.True(reasons.Contains(text!.GetValue<string>(), StringComparison.Ordinal),
                    $"{name}: reasons of {decision.Identity.Name} lack '{text}':\n{reasons}");
            }
        }
    }

    [Fact]
    public void There_are_at_least_forty_cases_covering_both_clouds()
    {
        var cases = Cases().Select(c => (string)c.Data).ToArray();
        Assert.True(cases.Length >= 40, $"{cases.Length} cases");
        var expected = cases.Select(c => File.ReadAllText(Path.Combine(CasesRoot, c, "expected.json"))).ToArray();
        Assert.Contains(expected, e => e.Contains("\"allow\"", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.Contains("AADSTS", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.Contains("invalid_grant", StringComparison.Ordinal));
    }

    [Fact]
    public void There_are_at_least_twenty_five_aws_cases_with_sts_errors_for_each_deny()
    {
        var cases = Cases().Select(c => (string)c.Data).Where(c => c.StartsWith("aws-", StringComparison.Ordinal)).ToArray();
        Assert.True(cases.Length >= 25, $"{cases.Length} AWS cases");
        var decisions = cases.SelectMany(c => JsonNode.Parse(File.ReadAllText(Path.Combine(CasesRoot, c, "expected.json")))!["decisions"]!.AsArray())
            .Select(d => d!.AsObject()).ToArray();
        Assert.Contains(decisions, d => d["decision"]!.GetValue<string>() == "allow");
        foreach (var deny in decisions.Where(d => d["decision"]!.GetValue<string>() == "deny"))
        {
            var texts = deny["contains"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
            Assert.True(
                texts.Any(t => t.StartsWith("AccessDenied", StringComparison.Ordinal) || t.StartsWith("InvalidIdentityToken", StringComparison.Ordinal) || t.StartsWith("ExpiredTokenException", StringComparison.Ordinal)),
                $"{deny["identity"]}: a deny names no STS error ({string.Join("; ", texts)})");
        }
    }

    private static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    private static string RepoRoot() =>
        typeof(TrustCasesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "KeylessRepoRoot").Value!;
}
