using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keyless.Formats.Inputs;
using Keyless.Trust.Claims;
using Keyless.Trust.Identities;

namespace Keyless.Formats.Tests.Inputs;

/// <summary>
/// The red-team's oracle (<see cref="TrustEvaluator.Admits"/>, which skips the reasons) must answer exactly as
/// <c>explain</c>'s <see cref="TrustEvaluator.Decide(Identity, TokenClaims)"/> does, on every trust case; and claims
/// built in code (as the red-team builds its candidates) must decide as the same claims parsed from text.
/// </summary>
public sealed class OracleAgreementTests
{
    private static readonly string CasesRoot = Path.Combine(
        typeof(OracleAgreementTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "KeylessRepoRoot").Value!,
        "tests", "cases");

    public static TheoryData<string> Cases() => TrustCasesTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Admits_agrees_with_Decide(string name)
    {
        var (evaluator, parsed) = Load(name);
        var built = TokenClaims.FromJson(Rebuild(parsed.ToJson()).AsObject());
        foreach (var identity in evaluator.Identities)
        {
            var decision = evaluator.Decide(identity, parsed);
            Assert.True(decision.IsAllowed == evaluator.Admits(identity, parsed), $"{name}: {identity.Name}: Decide says {decision.Verdict}");
            Assert.Equal(decision.IsAllowed, evaluator.Admits(identity, built));

            var fromCode = evaluator.Decide(identity, built);
            Assert.Equal(decision.Verdict, fromCode.Verdict);
            Assert.Equal(decision.Reasons, fromCode.Reasons);
        }
    }

    private static (TrustEvaluator Evaluator, TokenClaims Claims) Load(string name)
    {
        var dir = Path.Combine(CasesRoot, name);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")))!.AsObject();
        var now = expected["now"] is { } n ? DateTimeOffset.FromUnixTimeSeconds(n.GetValue<long>()) : DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);
        var trust = TrustLoader.Load([Path.Combine(dir, "trust")]);
        var claims = TokenClaims.FromJson(JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "claims.json")))!.AsObject());
        return (TrustEvaluator.For(trust, new FixedTime(now)), claims);
    }

    /// <summary>The same JSON with every value held as a CLR string, bool or number, as code builds it.</summary>
    private static JsonNode Rebuild(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Rebuild(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(v => v is null ? null : Rebuild(v))]),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(node.GetValue<string>()),
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create(node.GetValue<bool>()),
            JsonValueKind.Number when node.AsValue().TryGetValue<long>(out var l) => JsonValue.Create(l),
            _ => node.DeepClone(),
        },
    };
}
