using System.Text.Json.Nodes;
using Keyless.Cel;

namespace Keyless.Cel.Tests;

public sealed class CelValueFromJsonTests
{
    private const string Claims = """
        {"sub":"project_path:acme/app:ref_type:branch:ref:main","project_id":"42","ref_protected":true,"runner_id":7,
         "iat":1732000000,"ratio":1.5,"none":null,"groups":["a","b"],"nested":{"k":[1,{"x":false}]}}
        """;

    [Fact]
    public void Should_Give_The_Same_Values_For_Parsed_Json_And_Json_Built_In_Code()
    {
        var parsed = CelValue.FromJson(JsonNode.Parse(Claims));
        var built = CelValue.FromJson(new JsonObject
        {
            ["sub"] = "project_path:acme/app:ref_type:branch:ref:main",
            ["project_id"] = "42",
            ["ref_protected"] = true,
            ["runner_id"] = 7,
            ["iat"] = 1732000000L,
            ["ratio"] = 1.5,
            ["none"] = null,
            ["groups"] = new JsonArray("a", "b"),
            ["nested"] = new JsonObject { ["k"] = new JsonArray(1, new JsonObject { ["x"] = false }) },
        });

        Assert.Equal(parsed.ToString(), built.ToString());
        Assert.Equal(
            "{\"sub\": \"project_path:acme/app:ref_type:branch:ref:main\", \"project_id\": \"42\", \"ref_protected\": true, \"runner_id\": 7, "
            + "\"iat\": 1732000000, \"ratio\": 1.5, \"none\": null, \"groups\": [\"a\", \"b\"], \"nested\": {\"k\": [1, {\"x\": false}]}}",
            parsed.ToString());
        foreach (var claims in new[] { parsed, built })
        {
            var types = Cel.Compile("[type(assertion.ratio), type(assertion.runner_id), type(assertion.ref_protected), type(assertion.groups)]")
                .Evaluate(CelActivation.Empty.With("assertion", claims));
            Assert.Equal("[double, int, bool, list]", types.ToString());
        }
    }

    [Fact]
    public void Should_Read_Values_Of_Other_Types_As_Their_Json_Text()
    {
        var value = CelValue.FromJson(new JsonObject { ["when"] = JsonValue.Create(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero)), ["small"] = (short)3 });

        Assert.Equal("{\"when\": \"2026-11-26T00:00:00+00:00\", \"small\": 3}", value.ToString());
    }

    [Fact]
    public void Should_Keep_A_Double_Built_In_Code_A_Double_Even_When_Integral()
    {
        var claims = CelValue.FromJson(new JsonObject { ["whole"] = 100.0, ["count"] = 100 });

        var types = Cel.Compile("[type(assertion.whole), type(assertion.count), assertion.whole == 100.0]")
            .Evaluate(CelActivation.Empty.With("assertion", claims));

        Assert.Equal("[double, int, true]", types.ToString());
    }
}
